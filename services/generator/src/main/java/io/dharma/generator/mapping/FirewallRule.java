package io.dharma.generator.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ingress or egress rule of a firewall resource: a protocol (tcp, udp, icmp or all), the
 * ports it covers (tcp and udp only; empty for icmp and all), the peer address ranges and an
 * optional description.
 */
public record FirewallRule(String protocol, List<PortRange> ports, List<String> cidrs, Optional<String> description) {

    /** A port or an inclusive range of ports. */
    public record PortRange(long from, long to) {

        public boolean single() {
            return from == to;
        }

        /** {@code 80} or {@code 8000-8080}. */
        @Override
        public String toString() {
            return single() ? Long.toString(from) : from + "-" + to;
        }
    }

    public FirewallRule {
        ports = List.copyOf(ports);
        cidrs = List.copyOf(cidrs);
    }

    /** The rules of a firewall in {@code direction} ("ingress" or "egress"), in document order. */
    @SuppressWarnings("unchecked")
    public static List<FirewallRule> of(ResourceView firewall, String direction) {
        return firewall.list(direction).stream().map(item -> fromProperties((Map<String, Object>) item)).toList();
    }

    @SuppressWarnings("unchecked")
    private static FirewallRule fromProperties(Map<String, Object> rule) {
        List<PortRange> ports;
        if (rule.containsKey("ports")) {
            ports = ((List<Object>) rule.get("ports")).stream()
                    .map(port -> new PortRange(((Number) port).longValue(), ((Number) port).longValue()))
                    .toList();
        } else if (rule.containsKey("portRange")) {
            Map<String, Object> range = (Map<String, Object>) rule.get("portRange");
            ports = List.of(new PortRange(((Number) range.get("from")).longValue(), ((Number) range.get("to")).longValue()));
        } else {
            ports = List.of();
        }
        return new FirewallRule(
                (String) rule.get("protocol"),
                ports,
                (List<String>) rule.get("cidrs"),
                Optional.ofNullable((String) rule.get("description")));
    }

    public static boolean isIpv6(String cidr) {
        return cidr.contains(":");
    }
}
