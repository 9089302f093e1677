package io.dharma.launcher.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Prints a command's answer as a table, JSON or YAML (see {@link OutputFormatOption}). JSON and
 * YAML are the same tree: fields in the order the API sent them, so the output is stable from one
 * run to the next and reads back to the same data.
 */
public final class Output {

    /** Laid out as jq prints it: {@code "name": value}, one element of an array per line, {@code []} when empty. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(new DefaultPrettyPrinter(new Separators()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE))
            .build();

    /**
     * No document marker, quotes only where YAML needs them, and always around a string that looks
     * like a number ({@code "3"}), so that it reads back as the string the API sent.
     */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private Output() {
    }

    public static void print(OutputFormat format, PrintWriter out, JsonNode data, Consumer<PrintWriter> table) {
        switch (format) {
            case TABLE -> table.accept(out);
            case JSON -> out.println(json(data));
            case YAML -> out.print(yaml(data));
        }
        out.flush();
    }

    public static String json(JsonNode data) {
        return JSON.writeValueAsString(data);
    }

    public static String yaml(JsonNode data) {
        return YAML.writeValueAsString(data);
    }

    /**
     * The JSON of values the CLI reads itself (records of the operations module, lists of them):
     * their components as fields, times as ISO-8601 text.
     */
    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }
}
