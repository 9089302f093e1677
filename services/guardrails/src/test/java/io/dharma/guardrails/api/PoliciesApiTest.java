package io.dharma.guardrails.api;

import io.dharma.guardrails.cel.PolicyCompiler;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.guardrails.GuardrailsFixture;
import io.dharma.guardrails.GuardrailsIntegrationTest;
import io.dharma.guardrails.PoliciesClient;
import io.dharma.guardrails.PoliciesClient.Response;
import io.dharma.guardrails.store.TenantPolicyStore;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PoliciesApiTest extends GuardrailsIntegrationTest {

    private static final int BUILTIN_COUNT = GuardrailsFixture.BUILTINS.all().size();

    @Autowired
    TenantPolicyStore store;

    @Test
    void aNewTenantSeesEveryBuiltinEnabled() {
        Response list = client(tenant()).list();

        assertThat(list.status()).isEqualTo(200);
        JsonNode items = list.json().path("items");
        assertThat(items.size()).isEqualTo(BUILTIN_COUNT);
        assertThat(list.json().path("totalItems").asInt()).isEqualTo(BUILTIN_COUNT);
        assertThat(list.text("policySetVersion")).startsWith("2026.11.1+");
        assertThat(items.get(0).path("id").asString()).isEqualTo("blueprint.required-tags");
        items.values().forEach(item -> {
            assertThat(item.path("source").asString()).isEqualTo("builtin");
            assertThat(item.path("enabled").asBoolean()).isTrue();
            assertThat(item.path("expression").asString()).isNotBlank();
            assertThat(item.path("mandatory").isBoolean()).as("every item says whether it is mandatory").isTrue();
        });
        Map<String, Boolean> mandatory = new HashMap<>();
        items.values().forEach(item -> mandatory.put(item.path("id").asString(), item.path("mandatory").asBoolean()));
        assertThat(mandatory).containsEntry("storage.no-public-buckets", true)
                .containsEntry("network.no-admin-ports-from-internet", true)
                .containsEntry("data.encryption-at-rest", true)
                .containsEntry("storage.versioning", false)
                .containsEntry("blueprint.required-tags", false);
    }

    @Test
    void aTenantPolicyCanBeCreatedReadReplacedDisabledEnabledAndDeleted() {
        PoliciesClient client = client(tenant());

        Response created = client.create(bucketNamePolicy("acme.bucket-names", "acme-"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/policies/acme.bucket-names");
        assertThat(created.json().path("source").asString()).isEqualTo("tenant");
        assertThat(created.json().path("enabled").asBoolean()).isTrue();
        assertThat(created.json().path("revision").asInt()).isEqualTo(1);
        assertThat(created.json().path("updatedBy").asString()).as("the token's user").isEqualTo(PoliciesClient.USER);

        Response read = client.get("acme.bucket-names");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("expression").asString()).isEqualTo("resource.name.startsWith('acme-')");
        assertThat(read.json().path("resourceTypes").get(0).asString()).isEqualTo("storage.bucket");

        Map<String, Object> replacement = bucketNamePolicy("acme.bucket-names", "acme-data-");
        replacement.put("enforcement", "warn");
        Response updated = client.update("acme.bucket-names", replacement);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("revision").asInt()).isEqualTo(2);
        assertThat(updated.json().path("enforcement").asString()).isEqualTo("warn");
        assertThat(client.get("acme.bucket-names").json().path("expression").asString()).contains("acme-data-");

        assertThat(client.disable("acme.bucket-names").json().path("enabled").asBoolean()).isFalse();
        assertThat(client.get("acme.bucket-names").json().path("enabled").asBoolean()).isFalse();
        assertThat(client.enable("acme.bucket-names").json().path("enabled").asBoolean()).isTrue();

        Response list = client.list();
        assertThat(list.json().path("totalItems").asInt()).isEqualTo(BUILTIN_COUNT + 1);
        assertThat(list.json().path("items").get(BUILTIN_COUNT).path("id").asString()).isEqualTo("acme.bucket-names");

        assertThat(client.delete("acme.bucket-names").status()).isEqualTo(204);
        assertThat(client.get("acme.bucket-names").code()).isEqualTo("policy.not-found");
    }

    @Test
    void anExpressionThatDoesNotParseIsRejectedWithTheCompilersMessage() {
        Map<String, Object> policy = bucketNamePolicy("acme.broken", "acme-");
        policy.put("expression", "resource.name.startsWith('acme-'");

        Response response = client(tenant()).create(policy);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("policy.invalid-expression");
        assertThat(response.text("detail")).contains("ERROR: <input>:1:").contains("resource.name.startsWith('acme-'");
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("expression");
        assertThat(error.path("line").asInt()).isEqualTo(1);
        assertThat(error.path("column").asInt()).isPositive();
        assertThat(client(tenant()).get("acme.broken").status()).isEqualTo(404);
    }

    @Test
    void aPolicyEstimatedToCostTooMuchIsRejectedWithTheFigure() {
        Map<String, Object> policy = bucketNamePolicy("acme.quadratic", "acme-");
        policy.put("expression", "blueprint.tags.all(k, blueprint.tags.exists(j, k == j || resource.name.startsWith(j)))");

        Response response = client(tenant()).create(policy);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("policy.too-costly");
        assertThat(response.json().path("estimatedCost").asLong()).isGreaterThan(PolicyCompiler.MAX_ESTIMATED_COST);
        assertThat(response.json().path("limit").asLong()).isEqualTo(PolicyCompiler.MAX_ESTIMATED_COST);
        assertThat(client(tenant()).get("acme.quadratic").status()).isEqualTo(404);
    }

    @Test
    void anExpressionNamingAnUnknownFieldIsRejectedForTheResourceTypeItDoesNotExistIn() {
        Map<String, Object> policy = bucketNamePolicy("acme.encrypted", "x");
        policy.put("resourceTypes", List.of("storage.bucket", "database.postgres"));
        policy.put("expression", "resource.properties.encryptd");

        Response response = client(tenant()).create(policy);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("policy.invalid-expression");
        assertThat(response.text("detail")).contains("undefined field 'encryptd'");
        assertThat(response.json().path("errors").values()).extracting(e -> e.path("resourceType").asString())
                .containsExactly("storage.bucket", "database.postgres");
    }

    @Test
    void aMessageExpressionIsCompiledToo() {
        Map<String, Object> policy = bucketNamePolicy("acme.message", "acme-");
        policy.put("messageExpression", "resource.properties.versioning");

        Response response = client(tenant()).create(policy);

        assertThat(response.code()).isEqualTo("policy.invalid-expression");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("messageExpression");
        assertThat(response.text("detail")).contains("messageExpression must return string but returns bool");
    }

    @Test
    void invalidFieldsAreListedTogether() {
        Response response = client(tenant()).create(Map.of("id", "Bad Id", "severity", "urgent",
                "resourceTypes", List.of("compute.vm"), "expression", "true"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("policy.invalid");
        assertThat(response.json().path("errors").values()).extracting(e -> e.path("field").asString())
                .containsExactly("id", "title", "severity", "enforcement", "resourceTypes", "message");
    }

    @Test
    void idsAreUniqueAcrossBuiltinsAndTheTenantsOwnPolicies() {
        PoliciesClient client = client(tenant());
        assertThat(client.create(bucketNamePolicy("acme.once", "a")).status()).isEqualTo(201);

        Response again = client.create(bucketNamePolicy("acme.once", "b"));
        Response builtinId = client.create(bucketNamePolicy("storage.no-public-buckets", "b"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("policy.already-exists");
        assertThat(builtinId.status()).isEqualTo(409);
        assertThat(builtinId.text("detail")).contains("built-in");
    }

    @Test
    void builtinsCanBeDisabledPerTenantButNotEdited() {
        String tenant = tenant();
        PoliciesClient client = client(tenant);

        Response update = client.update("storage.versioning", bucketNamePolicy("storage.versioning", "x"));
        Response delete = client.delete("storage.versioning");
        Response disabled = client.disable("storage.versioning");

        assertThat(update.status()).isEqualTo(409);
        assertThat(update.code()).isEqualTo("policy.builtin-read-only");
        assertThat(delete.code()).isEqualTo("policy.builtin-read-only");
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(client.disable("storage.versioning").status()).as("disabling twice").isEqualTo(200);
        assertThat(client.get("storage.versioning").json().path("enabled").asBoolean()).isFalse();
        assertThat(client(tenant()).get("storage.versioning").json().path("enabled").asBoolean())
                .as("another tenant").isTrue();
        assertThat(client.list().text("policySetVersion"))
                .as("the set changed").isNotEqualTo(client(tenant()).list().text("policySetVersion"));

        assertThat(client.enable("storage.versioning").json().path("enabled").asBoolean()).isTrue();
        assertThat(client.list().text("policySetVersion")).isEqualTo(client(tenant()).list().text("policySetVersion"));
    }

    @Test
    void unknownPoliciesAreNotFound() {
        PoliciesClient client = client(tenant());

        for (Response response : List.of(client.get("acme.nothing"), client.update("acme.nothing", bucketNamePolicy("acme.nothing", "x")),
                client.disable("acme.nothing"), client.enable("acme.nothing"), client.delete("acme.nothing"))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("policy.not-found");
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aTenantNeverSeesAnotherTenantsPolicies() {
        String owner = tenant();
        client(owner).create(bucketNamePolicy("acme.private", "acme-"));

        PoliciesClient other = client(tenant());

        assertThat(other.get("acme.private").status()).isEqualTo(404);
        assertThat(other.disable("acme.private").status()).isEqualTo(404);
        assertThat(other.list().json().path("totalItems").asInt()).isEqualTo(BUILTIN_COUNT);
        assertThat(client(owner).get("acme.private").status()).isEqualTo(200);
    }

    @Test
    void thePathNamesThePolicyAPutCannotRenameIt() {
        PoliciesClient client = client(tenant());
        client.create(bucketNamePolicy("acme.named", "a"));

        Response response = client.update("acme.named", bucketNamePolicy("acme.renamed", "a"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("policy.invalid");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("id");
    }

    @Test
    void malformedRequestsGetThePlatformsProblems() {
        Response badJson = client(tenant()).create("{\"id\": ");
        Response badTenant = client("Not A Tenant").list();

        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.code()).isEqualTo("request.malformed");
        assertThat(badTenant.status()).as("a token whose tenant claim is not a tenant id").isEqualTo(401);
        assertThat(badTenant.code()).isEqualTo("auth.unauthenticated");
    }

    @Test
    void mandatoryBuiltinsCannotBeDisabledReplacedOrDeletedByAnyTenant() {
        String tenant = tenant();
        for (PoliciesClient client : List.of(client(tenant, Set.of("policy-admin")), client(tenant))) {
            for (String id : List.of("storage.no-public-buckets", "network.no-admin-ports-from-internet", "data.encryption-at-rest")) {
                Response disable = client.disable(id);
                Response update = client.update(id, bucketNamePolicy(id, "x"));
                Response delete = client.delete(id);

                for (Response refused : List.of(disable, update, delete)) {
                    assertThat(refused.status()).as(id).isEqualTo(409);
                    assertThat(refused.contentType()).startsWith("application/problem+json");
                    assertThat(refused.code()).as(id).isEqualTo("policy.mandatory");
                    assertThat(refused.text("detail")).contains(id).contains("mandatory");
                    assertThat(refused.text("policyId")).isEqualTo(id);
                }
                Response get = client.get(id);
                assertThat(get.json().path("enabled").asBoolean()).as(id + " is still in force").isTrue();
                assertThat(get.json().path("mandatory").asBoolean()).isTrue();
                assertThat(client.enable(id).status()).as("enabling is harmless").isEqualTo(200);
            }
        }
        assertThat(client(tenant).list().text("policySetVersion"))
                .as("the tenant's set did not change").isEqualTo(client(tenant()).list().text("policySetVersion"));
    }

    @Test
    void aMandatoryBuiltinDisabledBeforeItBecameMandatoryIsInForceAnyway() {
        String tenant = tenant();
        store.disableBuiltin(tenant, "storage.no-public-buckets", "legacy@example.com", OffsetDateTime.now());

        assertThat(client(tenant).get("storage.no-public-buckets").json().path("enabled").asBoolean()).isTrue();
        assertThat(client(tenant).list().text("policySetVersion")).isEqualTo(client(tenant()).list().text("policySetVersion"));
    }

    @Test
    void aPolicyAdminCanDisableANonMandatoryBuiltin() {
        PoliciesClient policyAdmin = client(tenant(), Set.of("policy-admin"));

        Response disabled = policyAdmin.disable("storage.versioning");

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().path("mandatory").asBoolean()).isFalse();
    }

    @Test
    void aViewerCanReadPoliciesButChangeNone() {
        String tenant = tenant();
        client(tenant).create(bucketNamePolicy("acme.viewed", "acme-"));
        PoliciesClient viewer = client(tenant, Set.of("viewer"));

        assertThat(viewer.list().status()).isEqualTo(200);
        assertThat(viewer.get("acme.viewed").status()).isEqualTo(200);
        for (Response refused : List.of(viewer.disable("storage.versioning"), viewer.disable("storage.no-public-buckets"),
                viewer.disable("acme.viewed"), viewer.enable("acme.viewed"), viewer.delete("acme.viewed"),
                viewer.update("acme.viewed", bucketNamePolicy("acme.viewed", "b")),
                viewer.create(bucketNamePolicy("acme.other", "a")))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("auth.forbidden");
        }
        assertThat(client(tenant).get("storage.versioning").json().path("enabled").asBoolean()).isTrue();
        assertThat(client(tenant).get("acme.viewed").json().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void anAnonymousCallerIs401WithAChallenge() {
        Response response = clientWithHeaders(Map.of()).list();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.wwwAuthenticate()).startsWith("Bearer");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("auth.unauthenticated");
    }

    @Test
    void theOldXDharmaHeadersAloneAuthenticateNobody() {
        String tenant = tenant();
        PoliciesClient headersOnly = clientWithHeaders(Map.of("X-Dharma-Tenant", tenant, "X-Dharma-User", "mallory@example.com"));

        Response list = headersOnly.list();
        Response disable = headersOnly.disable("storage.versioning");

        assertThat(list.status()).isEqualTo(401);
        assertThat(list.code()).isEqualTo("auth.unauthenticated");
        assertThat(disable.status()).isEqualTo(401);
        assertThat(client(tenant).get("storage.versioning").json().path("enabled").asBoolean()).isTrue();
    }

    static Map<String, Object> bucketNamePolicy(String id, String prefix) {
        Map<String, Object> policy = new HashMap<>();
        policy.put("id", id);
        policy.put("title", "Buckets are named " + prefix + "*");
        policy.put("severity", "medium");
        policy.put("enforcement", "block");
        policy.put("resourceTypes", List.of("storage.bucket"));
        policy.put("expression", "resource.name.startsWith('" + prefix + "')");
        policy.put("message", "Bucket ${resource.name} is not named " + prefix + "*");
        policy.put("remediation", "Rename the bucket.");
        return policy;
    }

    private static String tenant() {
        return "api-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
