package io.dharma.launcher.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

/**
 * A user command that reads one answer from the platform API and prints it with {@code -o}: the
 * API's JSON as received for {@code json} and {@code yaml}, the command's own table for people.
 * A subclass says only which path it reads and how its table looks.
 */
abstract class ReadCommand extends ApiCommand {

    @Mixin
    OutputFormatOption output;

    /** The API path (with its query) this command GETs. */
    abstract String path();

    /** The answer as people read it. */
    abstract void printTable(JsonNode answer, PrintWriter out);

    @Override
    public final Integer call() {
        JsonNode answer = api.client().get(path());
        output.print(out(), answer, out -> printTable(answer, out));
        return ExitCodes.OK;
    }
}
