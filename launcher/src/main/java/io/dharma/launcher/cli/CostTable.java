package io.dharma.launcher.cli;

import java.io.PrintWriter;

import tools.jackson.databind.JsonNode;

/**
 * The cost table of {@code dharma cost} and {@code dharma plan}: one estimate shape (the
 * {@code CostEstimated} event's, amounts as its decimal strings) printed one way, amounts exactly
 * as the event carries them.
 */
final class CostTable {

    private CostTable() {
    }

    /** The line items, the total against the budget and the other clouds. */
    static void print(JsonNode cost, PrintWriter out) {
        String currency = cost.path("currency").asString();
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
