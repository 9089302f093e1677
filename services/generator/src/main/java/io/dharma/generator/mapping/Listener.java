package io.dharma.generator.mapping;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One listener of a loadbalancer resource. An application load balancer takes http and https
 * listeners, a network load balancer tcp, udp and tls ones; {@link #of} refuses other
 * combinations on every cloud.
 */
public record Listener(long port, String protocol, long targetPort) {

    private static final Set<String> APPLICATION = Set.of("http", "https");
    private static final Set<String> NETWORK = Set.of("tcp", "udp", "tls");

    /** A name-safe key such as {@code http_80}. */
    public String key() {
        return protocol + "_" + port;
    }

    public boolean terminatesTls() {
        return protocol.equals("https") || protocol.equals("tls");
    }

    /** The layer-4 protocol the listener carries: UDP for udp, TCP for everything else. */
    public boolean udp() {
        return protocol.equals("udp");
    }

    @SuppressWarnings("unchecked")
    public static List<Listener> of(ResourceView lb) {
        boolean application = lb.string("type").equals("application");
        return lb.list("listeners").stream().map(item -> {
            Map<String, Object> listener = (Map<String, Object>) item;
            String protocol = (String) listener.get("protocol");
            long port = ((Number) listener.get("port")).longValue();
            long targetPort = listener.containsKey("targetPort") ? ((Number) listener.get("targetPort")).longValue() : port;
            if (!(application ? APPLICATION : NETWORK).contains(protocol)) {
                throw new MappingException("a " + lb.string("type") + " load balancer cannot have a " + protocol
                        + " listener; use " + (application ? "http or https" : "tcp, udp or tls")
                        + ", or change the load balancer's type");
            }
            return new Listener(port, protocol, targetPort);
        }).toList();
    }
}
