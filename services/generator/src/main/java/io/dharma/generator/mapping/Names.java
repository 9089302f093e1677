package io.dharma.generator.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names for Terraform blocks and for cloud resources. Cloud names are
 * {@code <blueprint>-<resource>[-<suffix>]}; where a provider limits the length, a name is cut
 * and ends in six hex digits of its SHA-256, so it stays unique and the same every time.
 */
public final class Names {

    private static final int HASH_LENGTH = 6;

    private Names() {
    }

    /** A valid Terraform identifier for a resource name (a DNS label): '-' becomes '_'. */
    public static String identifier(String name) {
        return name.replace('-', '_');
    }

    /** {@code name} if it has at most {@code max} characters, else a shortened name with a hash suffix. */
    public static String fit(String name, int max) {
        String collapsed = name.replaceAll("-{2,}", "-");
        if (collapsed.length() <= max) {
            return collapsed;
        }
        String head = collapsed.substring(0, max - HASH_LENGTH - 1).replaceAll("-+$", "");
        return head + "-" + hash(name);
    }

    /** Lower-case letters and digits only, at most {@code max} characters (Azure storage accounts). */
    public static String alphanumeric(String name, int max) {
        String plain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (plain.length() <= max) {
            return plain;
        }
        return plain.substring(0, max - HASH_LENGTH) + hash(name);
    }

    /**
     * Lower-case letters and digits of {@code first} (at most {@code firstMax}) followed by those of
     * {@code second}, {@code max} characters in all: a readable prefix for names that only allow
     * letters and digits and get a unique suffix anyway (Azure storage accounts).
     */
    public static String compact(String first, int firstMax, String second, int max) {
        String head = alphanumeric(first, Integer.MAX_VALUE);
        head = head.substring(0, Math.min(head.length(), firstMax));
        String tail = alphanumeric(second, Integer.MAX_VALUE);
        return head + tail.substring(0, Math.min(tail.length(), max - head.length()));
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
