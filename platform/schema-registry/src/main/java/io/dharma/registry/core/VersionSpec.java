package io.dharma.registry.core;

/** A version path segment: a positive number, or "latest" (also -1, as Confluent accepts). */
public record VersionSpec(int number) {

    private static final int LATEST = -1;

    public static VersionSpec parse(String text) {
        if (text == null) {
            throw RegistryException.invalidVersion("null");
        }
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("latest")) {
            return new VersionSpec(LATEST);
        }
        try {
            int number = Integer.parseInt(trimmed);
            if (number == LATEST || number >= 1) {
                return new VersionSpec(number);
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw RegistryException.invalidVersion(text);
    }

    public boolean isLatest() {
        return number == LATEST;
    }
}
