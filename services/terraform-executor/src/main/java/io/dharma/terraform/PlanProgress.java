package io.dharma.terraform;

import io.dharma.executor.ChangeAction;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.StackConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Follows {@code terraform plan -json}: each {@code planned_change} of a managed resource (data
 * source reads and no-ops are not changes) and the error diagnostics. Reading the plan from this
 * stream spares a {@code show -json} of the plan file, which would start every provider again.
 */
final class PlanProgress implements Consumer<String> {

    private final Map<String, ChangeAction> changes = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    @Override
    public synchronized void accept(String line) {
        JsonNode message;
        try {
            message = TerraformJson.JSON.readTree(line);
        } catch (JacksonException e) {
            return;
        }
        switch (message.path("type").asString("")) {
            case "planned_change" -> {
                JsonNode change = message.path("change");
                String address = change.path("resource").path("addr").asString("");
                ChangeAction action = switch (change.path("action").asString("")) {
                    case "create" -> ChangeAction.CREATE;
                    case "update" -> ChangeAction.UPDATE;
                    case "replace" -> ChangeAction.REPLACE;
                    case "delete" -> ChangeAction.DELETE;
                    default -> null;
                };
                if (action != null && !address.startsWith("data.") && !address.contains(".data.")) {
                    changes.put(address, action);
                }
            }
            case "diagnostic" -> {
                JsonNode diagnostic = message.path("diagnostic");
                if ("error".equals(diagnostic.path("severity").asString())) {
                    String address = diagnostic.path("address").asString(null);
                    String detail = diagnostic.path("detail").asString("");
                    errors.add((address == null ? "" : address + ": ") + diagnostic.path("summary").asString("")
                            + (detail.isBlank() ? "" : ": " + detail));
                }
            }
            default -> { }
        }
    }

    synchronized List<PlannedChange> changes(StackConfiguration configuration) {
        List<PlannedChange> planned = new ArrayList<>();
        changes.forEach((address, action) -> {
            String resourceName = TerraformJson.resourceNameOf(address, configuration);
            planned.add(new PlannedChange(action, address, resourceName, configuration.typeOf(resourceName), null, List.of()));
        });
        return planned;
    }

    /** Terraform's error diagnostics, or the end of its output when it printed none. */
    synchronized String errors(TerraformRun.Result result) {
        return errors.isEmpty() ? TerraformExecutor.tail(result.output()) : String.join("; ", errors);
    }
}
