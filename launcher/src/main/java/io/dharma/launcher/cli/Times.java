package io.dharma.launcher.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * ISO-8601 times on the command line: {@code 2026-03-01T10:00:00Z}, with an offset
 * ({@code 2026-03-01T11:00:00+01:00}), without one (read as UTC, as everything in Dharma is), or a
 * date alone (its start, UTC).
 */
public final class Times implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new TypeConversionException("'" + value
                            + "' is not an ISO-8601 time; use e.g. 2026-03-01T10:00:00Z, 2026-03-01T11:00:00+01:00 or 2026-03-01");
                }
            }
        }
    }
}
