package io.dharma.launcher.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

/** {@code dharma plan FILE}: the dry run of a blueprint, nothing submitted. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Shows what submitting a blueprint would do, without submitting anything.",
            "Prints the validation problems, the guardrail violations, the monthly cost with the other clouds' "
                + "prices, and what would change against what is deployed. Exit 0 when it could be deployed, "
                + "1 when the document is invalid (as submit), 3 when guardrails would block it or its Terraform "
                + "cannot be generated."})
public final class PlanCommand extends ApiCommand {

    @Mixin
    OutputFormatOption output;

    @Mixin
    BlueprintFile blueprint;

    @Override
    public Integer call() {
        PrintWriter out = out();
        String document = blueprint.read();
        PlatformClient.Answer answer = api.client().postForAnswer("/api/v1/blueprints/plan", blueprint.contentType(), document);
        if (answer.status() / 100 != 2) {
            printProblems(answer.body(), PointerLines.of(document), out);
            return ExitCodes.FAILURE;
        }
        JsonNode plan = answer.body();
        output.print(out, plan, table -> {
            printBlueprint(plan.path("blueprint"), table);
            printIac(plan.path("iac"), table);
            printVerdict(plan.path("verdict"), table);
            printCost(plan.path("cost"), plan.path("blueprint").path("region").asString(), table);
            printChanges(plan.path("changes"), table);
        });
        out.flush();
        boolean generated = "GENERATED".equals(plan.path("iac").path("outcome").asString());
        boolean blocked = "BLOCKED".equals(plan.path("verdict").path("outcome").asString());
        return generated && !blocked ? ExitCodes.OK : ExitCodes.UNSUCCESSFUL_OUTCOME;
    }

    private void printProblems(JsonNode problem, PointerLines lines, PrintWriter out) {
        out.printf("%s: %s%n", problem.path("code").asString("invalid"), problem.path("detail").asString(""));
        for (JsonNode error : problem.path("errors")) {
            String pointer = error.path("pointer").asString("");
            String where = lines.line(pointer).map(line -> blueprint.fileName() + ":" + line + " ").orElse("");
            out.printf("  %s%s  %s: %s%n", where, pointer.isEmpty() ? "(document)" : pointer, error.path("code").asString(),
                    error.path("message").asString());
        }
        out.println("Nothing was submitted.");
        out.flush();
    }

    private static void printBlueprint(JsonNode blueprint, PrintWriter out) {
        String known = blueprint.path("blueprintId").isNull() || blueprint.path("blueprintId").isMissingNode()
                ? "a new blueprint"
                : "blueprint " + blueprint.path("blueprintId").asString() + ", latest version "
                        + blueprint.path("latestVersion").asInt();
        out.printf("Plan for %s (%s %s, %s): %s. Nothing was submitted.%n%n", blueprint.path("name").asString(),
                blueprint.path("cloud").asString(), blueprint.path("region").asString(),
                blueprint.path("environment").asString(), known);
    }

    private static void printIac(JsonNode iac, PrintWriter out) {
        if (!"GENERATED".equals(iac.path("outcome").asString())) {
            out.println("Terraform: cannot be generated: " + iac.path("reason").asString());
            for (JsonNode error : iac.path("errors")) {
                out.printf("  - %s%s%n", error.path("resourceName").isNull() ? "" : error.path("resourceName").asString() + ": ",
                        error.path("message").asString());
            }
            out.println();
            return;
        }
        long bytes = 0;
        for (JsonNode f : iac.path("files")) {
            bytes += f.path("size").asLong();
        }
        out.printf("Terraform (%s): %d resources in %d files, %d bytes, content hash %s%n%n", iac.path("cloud").asString(),
                iac.path("resources").size(), iac.path("files").size(), bytes, iac.path("contentHash").asString());
    }

    private static void printVerdict(JsonNode verdict, PrintWriter out) {
        String outcome = verdict.path("outcome").asString();
        JsonNode violations = verdict.path("violations");
        out.printf("Guardrails: %s (%d %s of %d policies)%n", outcome, violations.size(),
                violations.size() == 1 ? "violation" : "violations", verdict.path("policiesEvaluated").asInt());
        if (!violations.isEmpty()) {
            Table table = new Table("SEVERITY", "ENFORCEMENT", "POLICY", "RESOURCE", "MESSAGE");
            List<String> remediations = new ArrayList<>();
            for (JsonNode violation : violations) {
                table.row(violation.path("severity").asString(), violation.path("enforcement").asString(),
                        violation.path("policyId").asString(), text(violation.path("resourceName")),
                        violation.path("message").asString());
                if (!violation.path("remediation").isNull() && !violation.path("remediation").isMissingNode()) {
                    remediations.add(violation.path("policyId").asString()
                            + (violation.path("resourceName").isNull() ? "" : " (" + violation.path("resourceName").asString() + ")")
                            + ": " + violation.path("remediation").asString());
                }
            }
            table.print(out);
            if (!remediations.isEmpty()) {
                out.println("Remediation:");
                remediations.forEach(line -> out.println("  - " + line));
            }
        }
        out.println();
    }

    private static void printCost(JsonNode cost, String region, PrintWriter out) {
        out.printf("Cost per month (%s, price catalogue %s, %s %s):%n", cost.path("currency").asString(),
                cost.path("catalogueVersion").asString(), cost.path("cloud").asString(), region);
        CostTable.print(cost, out);
        out.println();
    }

    private static void printChanges(JsonNode changes, PrintWriter out) {
        out.println("Changes against what is deployed:");
        for (JsonNode action : changes.path("actions")) {
            String kind = action.path("action").asString();
            out.printf("  %s %s (%s)%s%n", symbol(kind), action.path("resourceName").asString(),
                    action.path("resourceType").asString(), kind.equals("NO_OP") ? ": no changes"
                            : kind.equals("REPLACE") ? ": must be replaced" : "");
            for (JsonNode attribute : action.path("changedAttributes")) {
                out.printf("      %s: %s -> %s%n", attribute.path("name").asString(), text(attribute.path("before")),
                        text(attribute.path("after")));
            }
        }
        out.printf("Plan: %d to add, %d to change, %d to destroy.%n", changes.path("toAdd").asInt(),
                changes.path("toChange").asInt(), changes.path("toDestroy").asInt());
    }

    private static String symbol(String action) {
        return switch (action) {
            case "CREATE" -> "+";
            case "UPDATE" -> "~";
            case "REPLACE" -> "-/+";
            case "DELETE" -> "-";
            default -> "=";
        };
    }

    private static String text(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "-" : value.asString();
    }
}
