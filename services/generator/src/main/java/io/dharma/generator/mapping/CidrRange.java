package io.dharma.generator.mapping;

import java.util.Collection;
import java.util.Optional;

/**
 * An IPv4 CIDR block, with just the arithmetic the generator needs to find a free range inside
 * a network (for subnets it creates itself). Hand-written: three operations on two numbers do not
 * warrant a library.
 */
public record CidrRange(long base, int prefix) {

    public CidrRange {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix must be 0-32: " + prefix);
        }
        base = base & mask(prefix);
    }

    public static CidrRange parse(String cidr) {
        String[] parts = cidr.split("/");
        String[] octets = parts[0].split("\\.");
        long address = 0;
        for (String octet : octets) {
            address = (address << 8) | Long.parseLong(octet);
        }
        return new CidrRange(address, Integer.parseInt(parts[1]));
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public boolean overlaps(CidrRange other) {
        return base < other.base + other.size() && other.base < base + size();
    }

    /**
     * The first block of {@code prefix} inside this one that overlaps none of {@code taken},
     * scanning from the top of the range down (user subnets usually start at the bottom).
     */
    public Optional<CidrRange> firstFree(int subPrefix, Collection<CidrRange> taken) {
        if (subPrefix < prefix) {
            return Optional.empty();
        }
        long step = 1L << (32 - subPrefix);
        for (long start = base + size() - step; start >= base; start -= step) {
            CidrRange candidate = new CidrRange(start, subPrefix);
            if (taken.stream().noneMatch(candidate::overlaps)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    @Override
    public String toString() {
        return ((base >> 24) & 255) + "." + ((base >> 16) & 255) + "." + ((base >> 8) & 255) + "." + (base & 255) + "/" + prefix;
    }
}
