package io.dharma.sandbox.provider;

import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.catalogue.SizeCatalogue;
import io.dharma.executor.Stack;
import io.dharma.sandbox.inventory.StoredResource;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider shape is computed from, and the deterministic building blocks every cloud uses:
 * hex and digits derived from (tenant, blueprint, name), so the same resource always gets the
 * same ids and addresses, and two stacks never collide.
 */
final class ResourceFacts {

    /** Documentation addresses (RFC 5737) stand in for public IPs. */
    private static final String PUBLIC_IP_PREFIX = "203.0.113.";

    private final Stack stack;
    private final Cloud cloud;
    private final String name;
    private final String type;
    private final Map<String, Object> attributes;
    private final Neighbours neighbours;

    ResourceFacts(Stack stack, Cloud cloud, String name, String type, Map<String, Object> attributes, Neighbours neighbours) {
        this.stack = stack;
        this.cloud = cloud;
        this.name = name;
        this.type = type;
        this.attributes = attributes;
        this.neighbours = neighbours;
    }

    Stack stack() {
        return stack;
    }

    String name() {
        return name;
    }

    String type() {
        return type;
    }

    String region() {
        return stack.region();
    }

    /** {@code length} lower-case hex characters derived from this resource (and {@code salt}). */
    String hex(int length, Object... salt) {
        return sha256Hex(stack.tenantId(), stack.blueprintId(), name, List.of(salt).toString()).substring(0, length);
    }

    /** {@code length} decimal digits derived from this resource (and {@code salt}). */
    String digits(int length, Object... salt) {
        return digitsOf(new BigInteger(hex(32, salt), 16), length);
    }

    /** Six hex characters shared by every resource of the stack: makes names unique in a whole account or project. */
    String stackSuffix() {
        return sha256Hex(stack.tenantId(), stack.blueprintId()).substring(0, 6);
    }

    /** {@code name-<stack suffix>}, the name cut so the whole fits {@code maxLength}. */
    String scopedName(int maxLength) {
        return truncate(name, maxLength - 7) + "-" + stackSuffix();
    }

    String text(String attribute) {
        Object value = attributes.get(attribute);
        return value == null ? "" : value.toString();
    }

    long number(String attribute, long fallback) {
        return attributes.get(attribute) instanceof Number number ? number.longValue() : fallback;
    }

    boolean flag(String attribute) {
        return Boolean.TRUE.equals(attributes.get(attribute));
    }

    List<String> texts(String attribute) {
        return attributes.get(attribute) instanceof List<?> list ? list.stream().map(Object::toString).toList() : List.of();
    }

    int size(String attribute) {
        return attributes.get(attribute) instanceof List<?> list ? list.size() : 0;
    }

    /** The provider's SKU for the neutral size in {@code sizeAttribute}, from the shared size table. */
    String sku(String sizeAttribute) {
        return SizeCatalogue.v1().sizeFor(type, text(sizeAttribute), cloud).sku();
    }

    /** How many instances a compute resource stands for. */
    int count() {
        return (int) Math.max(1, number("count", 1));
    }

    /** One of {@code choices}, picked by this resource's hash (an availability zone, say). */
    String pick(String... choices) {
        return choices[Integer.parseInt(hex(4, "pick"), 16) % choices.length];
    }

    Optional<StoredResource> neighbour(String attribute) {
        String target = text(attribute);
        return target.isEmpty() ? Optional.empty() : neighbours.find(target);
    }

    /** A provider attribute of the resource named by {@code attribute}, or "" when it has none (yet). */
    String neighbourAttribute(String attribute, String providerAttribute) {
        return neighbour(attribute).map(other -> other.providerAttributes().getOrDefault(providerAttribute, "")).orElse("");
    }

    String neighbourProviderId(String attribute) {
        return neighbour(attribute).map(StoredResource::providerId).orElse("");
    }

    /**
     * {@code count} private addresses inside the CIDR of the subnet named by the {@code subnet}
     * attribute, or the first of {@code subnets} (10.0.0.0/24 if there is none), skipping the first four and the last address,
     * which providers reserve.
     */
    List<String> privateIps(int count) {
        String subnetName = !text("subnet").isEmpty() ? text("subnet") : texts("subnets").stream().findFirst().orElse("");
        String cidr = neighbours.find(subnetName)
                .map(subnet -> subnet.attributes().get("cidr"))
                .map(Object::toString)
                .orElse("10.0.0.0/24");
        return Ipv4Block.parse(cidr).hosts(Integer.parseInt(hex(6, "ip"), 16), count);
    }

    List<String> publicIps(int count) {
        List<String> ips = new ArrayList<>(count);
        int first = Integer.parseInt(hex(4, "public-ip"), 16);
        for (int i = 0; i < count; i++) {
            ips.add(PUBLIC_IP_PREFIX + (1 + (first + i) % 254));
        }
        return ips;
    }

    /** The fully qualified name of a dns.record: its name in its zone ("@" is the zone apex). */
    String recordFqdn() {
        String record = text("name");
        String zone = text("zone");
        return record.equals("@") ? zone : record + "." + zone;
    }

    /**
     * The values of a dns.record: its {@code values}, or what its {@code target} resolves to (a
     * load balancer's DNS name, an instance's public or private address).
     */
    List<String> recordValues() {
        if (!texts("values").isEmpty()) {
            return texts("values");
        }
        return neighbour("target").map(target -> {
            Map<String, String> provider = target.providerAttributes();
            for (String key : List.of("dnsName", "publicIps", "privateIps")) {
                String value = provider.getOrDefault(key, "");
                if (!value.isEmpty()) {
                    return List.of(value.split(",")[0]);
                }
            }
            return List.<String>of();
        }).orElse(List.of());
    }

    static String truncate(String text, int maxLength) {
        String cut = text.length() <= maxLength ? text : text.substring(0, maxLength);
        while (cut.endsWith("-")) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }

    static String sha256Hex(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // a newline cannot occur in a tenant, blueprint id or resource name: parts never run together
            return HexFormat.of().formatHex(digest.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String digitsOf(BigInteger value, int length) {
        String digits = value.mod(BigInteger.TEN.pow(length)).toString();
        return "0".repeat(length - digits.length()) + digits;
    }

    static String lowerAlphanumeric(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
