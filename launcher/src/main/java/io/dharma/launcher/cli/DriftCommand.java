package io.dharma.launcher.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code dharma drift [-o table|json|yaml]}. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Lists the tenant's resources whose actual state differs from their blueprint.",
            "With -o json or yaml: {\"items\": [...]}, the items of every page of GET /api/v1/drift."})
public final class DriftCommand extends ApiCommand {

    private static final int PAGE = 500;

    @Mixin
    OutputFormatOption output;

    @Override
    public Integer call() {
        PlatformClient client = api.client();
        ObjectNode all = PlatformClient.JSON.createObjectNode();
        ArrayNode items = all.putArray("items");
        String cursor = null;
        do {
            JsonNode page = client.get("/api/v1/drift?limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").asString(null);
        } while (cursor != null);
        output.print(out(), all, out -> {
            if (items.isEmpty()) {
                out.println("No drift.");
                return;
            }
            Table table = new Table("BLUEPRINT", "RESOURCE", "TYPE", "SINCE", "DRIFT");
            for (JsonNode item : items) {
                table.row(item.path("blueprintId").asString(), item.path("resourceName").asString(),
                        item.path("resourceType").asString(), item.path("since").asString(null), drift(item));
            }
            table.print(out);
        });
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
