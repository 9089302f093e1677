package io.dharma.kafka.housekeeping;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Rows of one table that nobody deletes and that are of no use after a while: the purge deletes
 * those whose {@code timestampColumn} is older than the retention. A row whose timestamp is null is
 * never purged (an outbox row not yet published). A module registers one as a bean; its retention
 * is {@code dharma.housekeeping.retention.<kind>}, else {@code defaultRetention}.
 *
 * @param kind             short stable name: the property key and the metric's {@code kind} tag
 * @param table            schema-qualified table ({@code platform.outbox})
 * @param timestampColumn  the column that says since when the row is of no use ({@code published_at})
 * @param defaultRetention how long rows are kept when the property is not set
 */
public record PurgeTarget(String kind, String table, String timestampColumn, Duration defaultRetention) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern QUALIFIED = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

    public PurgeTarget {
        Objects.requireNonNull(defaultRetention, "defaultRetention");
        // Table and column go into SQL text: only plain identifiers are accepted.
        require(KIND, kind, "kind");
        require(QUALIFIED, table, "table (schema-qualified)");
        require(IDENTIFIER, timestampColumn, "timestampColumn");
    }

    private static void require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid " + what + ": " + value);
        }
    }
}
