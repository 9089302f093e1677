package io.dharma.operations;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The place of one entry in a timeline's order (time, topic, offset): where a page ended. */
public record AuditPosition(Instant time, String topic, long offset) {

    private static final Pattern TEXT = Pattern.compile("(-?\\d{1,19})/([A-Za-z0-9._-]{1,249})/(\\d{1,19})");

    static AuditPosition of(AuditEntry entry) {
        return new AuditPosition(entry.time(), entry.topic(), entry.offset());
    }

    /** As {@code epochMillis/topic/offset}. */
    public String text() {
        return time.toEpochMilli() + "/" + topic + "/" + offset;
    }

    /** The position {@link #text()} wrote; empty for any other text. */
    public static Optional<AuditPosition> parse(String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AuditPosition(Instant.ofEpochMilli(Long.parseLong(matcher.group(1))),
                    matcher.group(2), Long.parseLong(matcher.group(3))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An entry standing at this position, to compare others with in timeline order. */
    AuditEntry asEntry() {
        return new AuditEntry(time, topic, 0, offset, null, null, null, null, null, null, null, null);
    }
}
