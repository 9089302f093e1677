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
        String currency = cost.path("currency").asString();
        out.printf("Blueprint %s version %d on %s (price catalogue %s)%n", blueprintId, resolved,
                cost.path("cloud").asString(), cost.path("catalogueVersion").asString());
        Table items = new Table("RESOURCE", "TYPE", "SKU", "UNIT PRICE", "QUANTITY", "MONTHLY");
        cost.path("lineItems").forEach(item -> {
            if (item.path("sku").isNull()) {
                items.row(item.path("resourceName").asString(), item.path("resourceType").asString(),
                        "unpriced: " + item.path("unpricedReason").asString(), null, null, null);
            } else {
                items.row(item.path("resourceName").asString(), item.path("resourceType").asString(),
                        item.path("sku").asString(), item.path("unitPrice").asString() + "/" + item.path("unit").asString(),
                        item.path("quantity").asString(), item.path("monthly").asString());
            }
        });
        items.print(out);
        int unpriced = cost.path("unpricedCount").asInt();
        out.printf("Total: %s %s a month%s%n", cost.path("totalMonthly").asString(), currency,
                unpriced == 0 ? "" : " (at least: " + unpriced + " unpriced)");
        out.println("Budget: " + switch (cost.path("budgetStatus").asString()) {
            case "NO_BUDGET" -> "none declared";
            case "OVER" -> "OVER the budget of " + cost.path("budget").asString() + " " + currency;
            default -> "within the budget of " + cost.path("budget").asString() + " " + currency;
        });
        if (!cost.path("comparisons").isEmpty()) {
            out.println("On the other clouds:");
            Table comparisons = new Table("CLOUD", "MONTHLY", "UNPRICED");
            cost.path("comparisons").forEach(comparison -> comparisons.row(comparison.path("cloud").asString(),
                    comparison.path("totalMonthly").asString() + " " + currency, comparison.path("unpricedCount").asInt()));
            comparisons.print(out);
        }
    }
}
