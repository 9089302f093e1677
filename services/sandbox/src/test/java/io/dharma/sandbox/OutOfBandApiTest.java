package io.dharma.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.dharma.blueprint.Blueprint;
import io.dharma.executor.ActualResource;
import io.dharma.executor.ChangeAction;
import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import io.dharma.executor.DesiredStates;
import io.dharma.executor.Plan;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import io.dharma.sandbox.inventory.Inventory;
import io.dharma.testing.EmbeddedStack;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Drift on purpose: an operator changes or deletes a sandbox resource behind Dharma's back. */
class OutOfBandApiTest extends SandboxIntegrationTest {

    private static final Blueprint WEB_APP = Blueprints.example("aws-web-app.yaml");

    @Test
    void anOutOfBandChangeShowsInTheActualStateAndThePlanPutsItBack() throws Exception {
        Stack stack = DesiredStates.stackOf("oob-change", UUID.randomUUID().toString(), WEB_APP);
        DesiredState desired = DesiredStates.from(WEB_APP);
        deploy(stack, desired);
        String id = idOf(stack, "web");
        SandboxClient operator = client("oob-change", "alice@example.com").asPlatformAdmin();

        SandboxClient.Response changed = operator.post("/api/v1/sandbox/resources/" + id,
                "{\"attributes\": {\"size\": \"xlarge\", \"disk\": {\"sizeGb\": 100}}}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("version").asLong()).isEqualTo(2);
        assertThat(changed.json().path("providerAttributes").path("instanceType").asString()).isEqualTo("m6i.2xlarge");
        ActualResource web = executor.readActualState(stack).stream().filter(r -> r.name().equals("web")).findFirst().orElseThrow();
        assertThat(web.attributes()).containsEntry("size", "xlarge")
                .containsEntry("disk", Map.of("sizeGb", 100L, "type", "ssd"));

        Plan plan = executor.plan(stack, desired);
        assertThat(plan.changes()).extracting(PlannedChange::action, PlannedChange::resourceName, PlannedChange::changedAttributes)
                .containsExactly(tuple(ChangeAction.UPDATE, "web", List.of("disk", "size")));
        applyAll(stack, plan);
        assertThat(executor.plan(stack, desired).isEmpty()).isTrue();

        JsonNode log = operator.get("/api/v1/sandbox/resources/" + id + "/operations").json().path("items");
        assertThat(log.valueStream().map(entry -> entry.path("kind").asString() + " by " + entry.path("actor").asString()))
                .containsExactly("CREATE by executor", "OUT_OF_BAND_UPDATE by alice@example.com", "UPDATE by executor");
        assertThat(log.get(1).path("resourceVersion").asLong()).isEqualTo(2);
        assertThat(log.get(2).path("detail").asString()).isEqualTo("disk,size");
    }

    @Test
    void anAttributeSetToNullIsRemovedAndThatIsDriftToo() throws Exception {
        Stack stack = DesiredStates.stackOf("oob-remove", UUID.randomUUID().toString(), WEB_APP);
        DesiredState desired = DesiredStates.from(WEB_APP);
        deploy(stack, desired);

        SandboxClient.Response changed = client("oob-remove").asPlatformAdmin().post("/api/v1/sandbox/resources/" + idOf(stack, "uploads"),
                "{\"attributes\": {\"lifecycle\": null, \"versioning\": false}}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("attributes").has("lifecycle")).isFalse();
        assertThat(executor.plan(stack, desired).changes()).extracting(PlannedChange::changedAttributes)
                .containsExactly(List.of("lifecycle", "versioning"));
    }

    @Test
    void anOutOfBandDeleteIsPlannedAsACreate() throws Exception {
        Stack stack = DesiredStates.stackOf("oob-delete", UUID.randomUUID().toString(), WEB_APP);
        DesiredState desired = DesiredStates.from(WEB_APP);
        deploy(stack, desired);
        String id = idOf(stack, "cache");
        SandboxClient operator = client("oob-delete", "bob").asPlatformAdmin();

        SandboxClient.Response deleted = operator.delete("/api/v1/sandbox/resources/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(operator.get("/api/v1/sandbox/resources/" + id).text("code")).isEqualTo("sandbox.resource-not-found");
        assertThat(executor.readActualState(stack)).extracting(ActualResource::name).doesNotContain("cache");
        Plan plan = executor.plan(stack, desired);
        assertThat(plan.changes()).extracting(PlannedChange::action, PlannedChange::resourceName)
                .containsExactly(tuple(ChangeAction.CREATE, "cache"));
        ActualResource recreated = executor.apply(stack, plan.changes().getFirst());
        assertThat(idOf(stack, "cache")).as("the inventory id survives a delete and a new create").isEqualTo(id);
        assertThat(operator.get("/api/v1/sandbox/resources/" + id + "/operations").json().path("items").valueStream()
                .map(entry -> entry.path("kind").asString() + " by " + entry.path("actor").asString()))
                .containsExactly("CREATE by executor", "OUT_OF_BAND_DELETE by bob", "CREATE by executor");
        assertThat(recreated.providerId()).startsWith("arn:aws:elasticache:eu-west-1:");
        assertThat(operator.delete("/api/v1/sandbox/resources/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void theInventoryListsAStacksResourcesWithTheirProviderIds() throws Exception {
        Stack stack = DesiredStates.stackOf("oob-list", UUID.randomUUID().toString(), WEB_APP);
        deploy(stack, DesiredStates.from(WEB_APP));
        SandboxClient client = client("oob-list");

        JsonNode list = client.get("/api/v1/sandbox/resources?blueprintId=" + stack.blueprintId()).json();

        assertThat(list.path("items").size()).isEqualTo(WEB_APP.spec().resources().size());
        assertThat(list.path("truncated").asBoolean()).isFalse();
        JsonNode db = list.path("items").valueStream().filter(item -> item.path("name").asString().equals("db")).findFirst().orElseThrow();
        assertThat(db.path("type").asString()).isEqualTo("database.postgres");
        assertThat(db.path("cloud").asString()).isEqualTo("aws");
        assertThat(db.path("blueprintName").asString()).isEqualTo("shop-web-dev");
        assertThat(db.path("providerId").asString()).startsWith("arn:aws:rds:eu-west-1:");
        assertThat(db.path("attributes").path("storageGb").asInt()).isEqualTo(50);
        assertThat(db.path("providerAttributes").path("endpoint").asString()).endsWith(".rds.amazonaws.com");
        assertThat(db.path("dependsOn").get(0).asString()).isEqualTo("private-a");
        assertThat(db.path("createdAt").asString()).isNotEmpty();

        JsonNode one = client.get("/api/v1/sandbox/resources/" + db.path("id").asString()).json();
        assertThat(one).isEqualTo(db);
        assertThat(client.get("/api/v1/sandbox/resources").json().path("items").size())
                .isEqualTo(WEB_APP.spec().resources().size());
    }

    @Test
    void tenantsNeverSeeOrTouchEachOthersResources() throws Exception {
        Stack stack = DesiredStates.stackOf("oob-owner", UUID.randomUUID().toString(), WEB_APP);
        deploy(stack, DesiredStates.from(WEB_APP));
        String id = idOf(stack, "db");
        SandboxClient stranger = client("oob-stranger");
        SandboxClient strangerAdmin = stranger.asPlatformAdmin();

        assertThat(stranger.get("/api/v1/sandbox/resources/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/sandbox/resources/" + id + "/operations").status()).isEqualTo(404);
        assertThat(strangerAdmin.post("/api/v1/sandbox/resources/" + id, "{\"attributes\": {\"size\": \"large\"}}").status()).isEqualTo(404);
        assertThat(strangerAdmin.delete("/api/v1/sandbox/resources/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/sandbox/resources?blueprintId=" + stack.blueprintId()).json().path("items").size()).isZero();
        assertThat(rows(stack, "db")).isEqualTo(1);
        assertThat(client("oob-owner").get("/api/v1/sandbox/resources/" + id).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void badRequestsAreProblemsWithStableCodes() throws Exception {
        Stack stack = DesiredStates.stackOf("oob-bad", UUID.randomUUID().toString(), WEB_APP);
        deploy(stack, DesiredStates.from(WEB_APP));
        String id = idOf(stack, "db");
        SandboxClient client = client("oob-bad").asPlatformAdmin();

        SandboxClient.Response invalid = client.post("/api/v1/sandbox/resources/" + id,
                "{\"attributes\": {\"size\": \"gigantic\", \"colour\": \"red\"}}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalid.text("code")).isEqualTo("sandbox.invalid-attributes");
        assertThat(invalid.json().path("errors").valueStream().map(error -> error.path("pointer").asString()))
                .contains("/attributes/size", "/attributes/colour");
        assertThat(client.get("/api/v1/sandbox/resources/" + id).json().path("version").asLong()).as("nothing changed").isEqualTo(1);

        SandboxClient.Response noAttributes = client.post("/api/v1/sandbox/resources/" + id, "{\"size\": \"large\"}");
        assertThat(noAttributes.status()).isEqualTo(400);
        assertThat(noAttributes.text("code")).isEqualTo("sandbox.invalid-change");
        assertThat(client.post("/api/v1/sandbox/resources/" + id, "{not json").text("code")).isEqualTo("request.malformed");

        SandboxClient.Response notAnId = client.get("/api/v1/sandbox/resources/not-a-uuid");
        assertThat(notAnId.status()).isEqualTo(404);
        assertThat(notAnId.text("code")).isEqualTo("sandbox.resource-not-found");
        assertThat(rows(stack, "db")).isEqualTo(1);
    }

    @Test
    void onlyAPlatformAdminChangesResourcesOutOfBandAndNobodyAnonymous() throws Exception {
        Stack stack = DesiredStates.stackOf("oob-auth", UUID.randomUUID().toString(), WEB_APP);
        deploy(stack, DesiredStates.from(WEB_APP));
        String id = idOf(stack, "db");
        SandboxClient developer = client("oob-auth", "dana").withRoles(java.util.Set.of("developer"));

        SandboxClient.Response anonymous = developer.anonymous().get("/api/v1/sandbox/resources/" + id);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.text("code")).isEqualTo("auth.unauthenticated");
        assertThat(developer.anonymous().post("/api/v1/sandbox/resources/" + id,
                "{\"attributes\": {\"size\": \"large\"}}").status()).isEqualTo(401);

        assertThat(developer.get("/api/v1/sandbox/resources/" + id).status()).as("every tenant role reads").isEqualTo(200);
        SandboxClient.Response change = developer.post("/api/v1/sandbox/resources/" + id, "{\"attributes\": {\"size\": \"large\"}}");
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.header("Content-Type")).startsWith("application/problem+json");
        assertThat(change.text("code")).isEqualTo("auth.forbidden");
        assertThat(client("oob-auth").delete("/api/v1/sandbox/resources/" + id).text("code"))
                .as("every tenant role but platform-admin").isEqualTo("auth.forbidden");
        assertThat(client("oob-auth").get("/api/v1/sandbox/resources/" + id).json().path("version").asLong())
                .as("nothing changed").isEqualTo(1);
        assertThat(rows(stack, "db")).isEqualTo(1);
    }

    @Test
    void theAuditLogIsAppendOnly() throws Exception {
        Stack stack = newStack("oob-audit", "audited", "aws", "us-east-1");
        deploy(stack, new DesiredState(List.of(new DesiredResource("files", "storage.bucket",
                Map.of(), List.of()))));

        try (Connection connection = EmbeddedStack.get().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "DELETE FROM sandbox.operation WHERE tenant_id = 'oob-audit'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(operations(stack, "files", "CREATE")).isEqualTo(1);
    }

    private static String idOf(Stack stack, String name) {
        return Inventory.resourceId(stack.tenantId(), stack.blueprintId(), name).toString();
    }
}
