package io.dharma.sandbox.provider;

import java.util.ArrayList;
import java.util.List;

/** An IPv4 CIDR block, enough to hand out host addresses inside it. */
record Ipv4Block(long network, int prefixLength) {

    /** Addresses providers keep for themselves at the start of a subnet (AWS and Azure: 4). */
    private static final int RESERVED_AT_START = 4;

    static Ipv4Block parse(String cidr) {
        String[] parts = cidr.split("/");
        String[] octets = parts[0].split("\\.");
        if (parts.length != 2 || octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 CIDR block: " + cidr);
        }
        long address = 0;
        for (String octet : octets) {
            address = (address << 8) | Integer.parseInt(octet);
        }
        int prefix = Integer.parseInt(parts[1]);
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return new Ipv4Block(address & mask, prefix);
    }

    /**
     * {@code count} consecutive usable host addresses starting at a position derived from
     * {@code seed}, wrapping inside the block (the first four and the last address excluded).
     */
    List<String> hosts(int seed, int count) {
        long size = 1L << (32 - prefixLength);
        long usable = Math.max(1, size - RESERVED_AT_START - 1);
        List<String> hosts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long offset = RESERVED_AT_START + Math.floorMod(seed + i, usable);
            hosts.add(format(network + Math.min(offset, size - 1)));
        }
        return hosts;
    }

    /** The address {@code offset} places after the block's network address (1 = the first host, where GCP puts the gateway). */
    String address(long offset) {
        return format(network + offset);
    }

    private static String format(long address) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "." + (address & 0xFF);
    }
}
