package io.dharma.generator.mapping;

import java.util.List;
import java.util.Optional;

/**
 * A dns.record resource, checked for the combinations every cloud's DNS refuses or that cannot
 * point at a generated resource: a CNAME at the zone apex or with several values, a TXT record
 * or AAAA record pointing at a resource (Dharma creates no IPv6 addresses), a CNAME pointing at
 * instances (they have addresses, not a host name).
 */
public record DnsRecord(ResourceView resource, String zone, String name, String type, long ttl,
        Optional<ResourceView> target, List<String> values) {

    public static DnsRecord of(ResourceView record, GenerationContext context) {
        DnsRecord dns = new DnsRecord(record,
                record.string("zone"),
                record.string("name"),
                record.string("type"),
                record.integer("ttl"),
                record.optionalString("target").map(context::resource),
                record.strings("values"));
        dns.check();
        return dns;
    }

    public boolean apex() {
        return name.equals("@");
    }

    /** The record's full name without a trailing dot, e.g. {@code www.shop.example.com}. */
    public String fqdn() {
        return apex() ? zone : name + "." + zone;
    }

    public boolean targetsLoadBalancer() {
        return target.map(view -> view.type().equals("loadbalancer")).orElse(false);
    }

    private void check() {
        if (type.equals("CNAME") && apex()) {
            throw new MappingException("a CNAME record cannot be at the zone apex (@); use an A record or a subdomain");
        }
        if (type.equals("CNAME") && values.size() > 1) {
            throw new MappingException("a CNAME record has exactly one value, not " + values.size());
        }
        if (target.isPresent()) {
            String targetType = target.get().type();
            if (type.equals("TXT") || type.equals("AAAA")) {
                throw new MappingException("a " + type + " record cannot point at " + targetType + " '"
                        + target.get().name() + "'; give its values instead");
            }
            if (type.equals("CNAME") && targetType.equals("compute.instance")) {
                throw new MappingException("a CNAME record cannot point at instances ('" + target.get().name()
                        + "' has addresses, not a host name); use an A record");
            }
        }
    }
}
