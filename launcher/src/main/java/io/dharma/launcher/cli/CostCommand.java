package io.dharma.launcher.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code dharma cost BLUEPRINT [--version N]}. */
@Command(name = "cost",
        description = "Shows the cost estimate of a blueprint version: each line item, the total against the budget, "
                + "and what the same blueprint would cost on the other clouds.")
public final class CostCommand extends ApiCommand {

    @Parameters(paramLabel = "BLUEPRINT", description = "The blueprint's id.")
    String blueprintId;

    /** Its own {@code --version} (the blueprint's), so no standard {@code -V}: help is declared here. */
    @Option(names = "--version", paramLabel = "N", description = "The blueprint version (default: the latest).")
    Integer version;

    @Mixin
    OutputFormatOption output;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        PlatformClient client = api.client();
        int resolved = ResultVersions.resolve(client, blueprintId, version);
        JsonNode cost = client.get(ResultVersions.path(blueprintId, resolved) + "/cost");
        output.print(out(), cost, out -> printTable(cost, resolved, out));
        return ExitCodes.OK;
    }

    private void printTable(JsonNode cost, int resolved, PrintWriter out) {
        out.printf("Blueprint %s version %d on %s (price catalogue %s)%n", blueprintId, resolved,
                cost.path("cloud").asString(), cost.path("catalogueVersion").asString());
        CostTable.print(cost, out);
    }
}
