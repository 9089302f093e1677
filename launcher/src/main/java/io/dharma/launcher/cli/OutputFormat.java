package io.dharma.launcher.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How a read command prints what it read: {@code table} for people, {@code json} or {@code yaml} for programs. */
public enum OutputFormat {
    TABLE, JSON, YAML;

    /** The name a user types and help shows: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code -o json}, {@code -o JSON}: any case, whatever the command line's enum settings. */
    public static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not an output format; use table, json or yaml");
            }
        }
    }

    /** The values shell completion offers, as typed. */
    public static final class Labels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(OutputFormat::label).iterator();
        }
    }
}
