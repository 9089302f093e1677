package io.dharma.terraform;

import io.dharma.executor.ChangeAction;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.StackConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Follows {@code terraform plan -json}: each {@code planned_change} of a managed resource (data
 * source reads and no-ops are not changes). Reading the plan from this stream spares a
 * {@code show -json} of the plan file, which would start every provider again.
 */
final class PlanProgress extends TerraformMessages {

    private final Map<String, ChangeAction> changes = new LinkedHashMap<>();

    @Override
    protected void onMessage(String type, JsonNode message) {
        if (!"planned_change".equals(type)) {
            return;
        }
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

    synchronized List<PlannedChange> changes(StackConfiguration configuration) {
        List<PlannedChange> planned = new ArrayList<>();
        changes.forEach((address, action) -> {
            String resourceName = TerraformJson.resourceNameOf(address, configuration);
            planned.add(new PlannedChange(action, address, resourceName, configuration.typeOf(resourceName), null, List.of()));
        });
        return planned;
    }
}
