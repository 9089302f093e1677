package io.dharma.launcher.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code dharma drift}. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Lists the tenant's resources whose actual state differs from their blueprint.")
public final class DriftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        JsonNode items = api.client().get("/api/v1/drift").path("items");
        Table table = new Table("BLUEPRINT", "RESOURCE", "TYPE", "SINCE", "DRIFT");
        for (JsonNode item : items) {
            table.row(item.path("blueprintId").asString(), item.path("resourceName").asString(),
                    item.path("resourceType").asString(), item.path("since").asString(null), drift(item));
        }
        if (table.size() == 0) {
            spec.commandLine().getOut().println("No drift.");
        } else {
            table.print(spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }

    private static String drift(JsonNode item) {
        if (item.path("deleted").asBoolean(false)) {
            return "deleted outside Dharma";
        }
        List<String> attributes = new ArrayList<>();
        item.path("driftedAttributes").forEach(a -> attributes.add("%s: %s -> %s".formatted(a.path("name").asString(),
                a.path("desired").asString(null), a.path("actual").asString(null))));
        return String.join("; ", attributes);
    }
}
