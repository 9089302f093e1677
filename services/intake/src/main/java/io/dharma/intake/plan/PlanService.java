package io.dharma.intake.plan;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.executor.DesiredStates;
import io.dharma.intake.IntakeProperties;
import io.dharma.intake.store.BlueprintStore;
import io.dharma.intake.store.BlueprintSummary;
import io.dharma.intake.submission.BlueprintRejectedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dry run (ADR 0026): a blueprint validated as a submission is, then generated, evaluated
 * against the caller's tenant's policies and priced by the stages themselves, over HTTP and in
 * parallel, with the caller's own credential (each stage's endpoint calls exactly what its Kafka
 * reaction calls), and diffed against what is deployed for a blueprint of that name. Nothing is
 * stored or published: intake only reads its blueprint table to find the name's id.
 */
public class PlanService {

    static final String GENERATOR = "generator";
    static final String GUARDRAILS = "guardrails";
    static final String COSTING = "costing";
    static final String STREAMS = "streams";

    private final BlueprintValidator validator = new BlueprintValidator();
    private final BlueprintStore store;
    private final IntakeProperties.Plan stages;
    private final StageClient client;

    public PlanService(BlueprintStore store, IntakeProperties properties, StageClient client) {
        this.store = store;
        this.stages = properties.plan();
        this.client = client;
    }

    /**
     * @param authorization the caller's {@code Authorization} header, passed on to every stage
     * @throws BlueprintRejectedException when the document is not a valid blueprint (the submission's own problems)
     * @throws StageUnavailableException when a stage cannot answer
     */
    public PlanView plan(String tenantId, String authorization, byte[] document, DocumentFormat format, String mediaType) {
        ValidationResult result = validator.validate(document, format);
        if (!(result instanceof ValidationResult.Valid valid)) {
            throw new BlueprintRejectedException(result);
        }
        Blueprint blueprint = valid.blueprint();
        Optional<BlueprintSummary> known = store.findBlueprintByName(tenantId, blueprint.name());

        CompletableFuture<JsonNode> iac = client.post(GENERATOR, stages.generatorUrl(), "/api/v1/iac/preview", authorization,
                document, mediaType);
        CompletableFuture<JsonNode> verdict = client.post(GUARDRAILS, stages.guardrailsUrl(), "/api/v1/policies/evaluate",
                authorization, document, mediaType);
        CompletableFuture<JsonNode> cost = client.post(COSTING, stages.costingUrl(), "/api/v1/costs/estimate", authorization,
                document, mediaType);
        CompletableFuture<Optional<JsonNode>> deployed = known
                .map(summary -> client.getIfFound(STREAMS, stages.streamsUrl(),
                        "/api/v1/blueprints/" + summary.blueprintId() + "/resources", authorization))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));

        JsonNode iacAnswer = await(iac);
        JsonNode verdictAnswer = await(verdict);
        JsonNode costAnswer = await(cost);
        Optional<JsonNode> deployedAnswer = await(deployed);

        ChangeSummary changes = PlanDiff.diff(DesiredStates.from(blueprint), addresses(iacAnswer),
                deployedAnswer.map(PlanService::deployedResources).orElse(List.of()));
        return new PlanView(new PlanView.BlueprintRef(blueprint.name(),
                known.map(summary -> summary.blueprintId().toString()).orElse(null),
                known.map(BlueprintSummary::latestVersion).orElse(0),
                blueprint.spec().cloud().id(), blueprint.spec().region(), blueprint.metadata().environment().id()),
                withoutFileContents(iacAnswer), verdictAnswer, costAnswer, changes);
    }

    private static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Map<String, List<String>> addresses(JsonNode iac) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (JsonNode resource : iac.path("resources")) {
            byName.computeIfAbsent(resource.path("resourceName").asString(), name -> new ArrayList<>())
                    .add(resource.path("address").asString());
        }
        return byName;
    }

    private static List<PlanDiff.DeployedResource> deployedResources(JsonNode answer) {
        List<PlanDiff.DeployedResource> resources = new ArrayList<>();
        for (JsonNode resource : answer.path("resources")) {
            Map<String, String> desired = new TreeMap<>();
            resource.path("desired").properties().forEach(entry -> desired.put(entry.getKey(), entry.getValue().asString()));
            resources.add(new PlanDiff.DeployedResource(resource.path("address").asString(),
                    resource.path("resourceName").asString(), resource.path("resourceType").asString(), desired));
        }
        return resources;
    }

    /** A plan lists the files with their sizes; their text is the preview's, not the plan's. */
    private static JsonNode withoutFileContents(JsonNode iac) {
        ObjectNode copy = (ObjectNode) iac.deepCopy();
        for (JsonNode file : copy.path("files")) {
            ((ObjectNode) file).remove("content");
        }
        return copy;
    }
}
