package io.dharma.launcher.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code -o/--output table|json|yaml} of every command that reads. A command that reads one answer
 * of the API extends {@link ReadCommand}, which takes it; any other takes it in one line and prints
 * through it once:
 *
 * <pre>{@code
 * @Mixin
 * OutputFormatOption output;
 * ...
 * JsonNode answer = api.client().get("/api/v1/...");
 * output.print(out(), answer, out -> new Table("A", "B").row(...).print(out));
 * }</pre>
 *
 * {@code table} (the default) runs the command's own printer, the text people read; {@code json}
 * prints {@code answer} pretty-printed and {@code yaml} the same data as YAML, both through
 * {@link Output}. What {@code answer} is: for a command that asks the API, the API's JSON as
 * received (the fields the HTTP contract documents, so a script written against one works with
 * the other); for a command that reads Kafka, a JSON array of objects, one per row
 * ({@link Output#tree} turns records into it), or one object when the answer is one thing: audit's
 * timeline (the JSON of its API twin), the plan of reprocess and rebuild-state. Streams
 * ({@code tail}, {@code replay}) do not take it: they already write one JSON object per record as
 * it arrives (JSON Lines), and an array could not be closed on a follow that ends with Ctrl-C.
 * ADR 0029 has the reasons.
 *
 * <p>{@code --json}, the flag {@code status} and {@code audit} had before {@code -o}, is kept,
 * hidden, as a synonym of {@code -o json} so that scripts written for it go on working.
 */
public final class OutputFormatOption {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            converter = OutputFormat.Converter.class, completionCandidates = OutputFormat.Labels.class,
            description = "How to print the answer: table (for people), json (the data as the API gives it, "
                    + "pretty-printed) or yaml (the same data as YAML); default ${DEFAULT-VALUE}.")
    OutputFormat format = OutputFormat.TABLE;

    @Option(names = "--json", hidden = true, description = "Same as -o json.")
    boolean json;

    public OutputFormat format() {
        return json ? OutputFormat.JSON : format;
    }

    /** Prints {@code data} as JSON or YAML, or, for {@code table}, lets {@code table} print it for people. */
    public void print(PrintWriter out, JsonNode data, Consumer<PrintWriter> table) {
        Output.print(format(), out, data, table);
    }
}
