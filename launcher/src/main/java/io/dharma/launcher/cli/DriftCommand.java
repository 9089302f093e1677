package io.dharma.launcher.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** {@code dharma drift}. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Lists the tenant's resources whose actual state differs from their blueprint.")
public final class DriftCommand extends ApiCommand {

    private static final int PAGE = 500;

    @Override
    public Integer call() {
        PlatformClient client = api.client();
        Table table = new Table("BLUEPRINT", "RESOURCE", "TYPE", "SINCE", "DRIFT");
        String cursor = null;
        do {
            JsonNode page = client.get("/api/v1/drift?limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            for (JsonNode item : page.path("items")) {
                table.row(item.path("blueprintId").asString(), item.path("resourceName").asString(),
                        item.path("resourceType").asString(), item.path("since").asString(null), drift(item));
            }
            cursor = page.path("nextCursor").asString(null);
        } while (cursor != null);
        if (table.size() == 0) {
            out().println("No drift.");
        } else {
            table.print(out());
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
