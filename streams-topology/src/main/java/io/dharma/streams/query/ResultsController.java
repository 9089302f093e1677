package io.dharma.streams.query;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import io.dharma.events.CostEstimateView;
import io.dharma.events.CostEstimated;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.events.IacGenerated;
import io.dharma.events.TerraformFile;
import io.dharma.streams.DharmaTopology;
import io.dharma.streams.views.DeploymentView;
import io.dharma.web.ApiError;
import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the user gets back (ADR 0025): the Terraform, the cost estimate and the guardrails' verdict of
 * a blueprint version, and the plan of a deployment, each read from its results store where the
 * event is kept as published. A result the caller's tenant does not own reads as absent. An absent
 * result of a version the blueprints store knows answers 404 with a "not ... yet" code; of a
 * version it does not know (another tenant's, never submitted, or submitted a moment ago and not
 * folded yet) {@code blueprint.not-found}.
 */
@RestController
public class ResultsController {

    private static final MediaType TERRAFORM_HCL = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final StateQueries queries;
    private final InstanceForwarding forwarding;
    private final BlueprintVersions versions;

    public ResultsController(StateQueries queries, InstanceForwarding forwarding, BlueprintVersions versions) {
        this.queries = queries;
        this.forwarding = forwarding;
        this.versions = versions;
    }

    @GetMapping("/api/v1/blueprints/{blueprintId}/versions/{version}/iac")
    ResponseEntity<?> iac(Caller caller, HttpServletRequest request, @PathVariable String blueprintId,
            @PathVariable String version, @RequestParam(required = false) String format) {
        Optional<IacModule.Format> wanted = IacModule.Format.parse(format);
        return this.<IacEvent>versionResult(caller, request, DharmaTopology.IAC_STORE, blueprintId, version,
                event -> event.getEnvelope().getTenantId(), QueryApiError.IAC_NOT_GENERATED_YET,
                event -> ResponseEntity.ok(IacResponse.of(event, wanted)));
    }

    /**
     * One file, byte for byte the event's content, with its SHA-256 as ETag. The generator writes each
     * file in its format's folder ({@code hcl/main.tf}), so a file's path is two segments: a template
     * OpenAPI and the permission matrix can state as it is (a catch-all {@code {*path}} they cannot).
     */
    @GetMapping("/api/v1/blueprints/{blueprintId}/versions/{version}/iac/files/{folder}/{file}")
    ResponseEntity<?> iacFile(Caller caller, HttpServletRequest request, @PathVariable String blueprintId,
            @PathVariable String version, @PathVariable String folder, @PathVariable String file) {
        String wanted = folder + "/" + file;
        return this.<IacEvent>versionResult(caller, request, DharmaTopology.IAC_STORE, blueprintId, version,
                event -> event.getEnvelope().getTenantId(), QueryApiError.IAC_NOT_GENERATED_YET, event -> {
                    TerraformFile found = generated(event).getFiles().stream()
                            .filter(candidate -> candidate.getPath().equals(wanted)).findFirst()
                            .orElseThrow(() -> new ApiException(QueryApiError.IAC_FILE_NOT_FOUND,
                                    "no file '" + wanted + "' in the Terraform of version " + version));
                    byte[] bytes = IacModule.bytes(found);
                    String etag = "\"" + IacModule.sha256(bytes) + "\"";
                    if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
                        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
                    }
                    return ResponseEntity.ok().eTag(etag)
                            .contentType(found.getPath().endsWith(".tf.json") ? MediaType.APPLICATION_JSON : TERRAFORM_HCL)
                            .body(bytes);
                });
    }

    /** One format's root module as a zip, paths relative to the format's folder. */
    @GetMapping("/api/v1/blueprints/{blueprintId}/versions/{version}/iac.zip")
    ResponseEntity<?> iacZip(Caller caller, HttpServletRequest request, @PathVariable String blueprintId,
            @PathVariable String version, @RequestParam(required = false) String format) {
        IacModule.Format wanted = IacModule.Format.parse(format).orElse(IacModule.Format.HCL);
        return this.<IacEvent>versionResult(caller, request, DharmaTopology.IAC_STORE, blueprintId, version,
                event -> event.getEnvelope().getTenantId(), QueryApiError.IAC_NOT_GENERATED_YET, event -> {
                    byte[] zip = IacModule.zip(generated(event).getFiles(), wanted, event.getEnvelope().getOccurredAt());
                    String name = "dharma-" + blueprintId + "-v" + event.getEnvelope().getBlueprintVersion() + "-"
                            + event.getCloud().name().toLowerCase(java.util.Locale.ROOT) + "-" + wanted.id() + ".zip";
                    return ResponseEntity.ok()
                            .eTag("\"" + IacModule.sha256(zip) + "\"")
                            .contentType(MediaType.parseMediaType("application/zip"))
                            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                            .body(zip);
                });
    }

    @GetMapping("/api/v1/blueprints/{blueprintId}/versions/{version}/cost")
    ResponseEntity<?> cost(Caller caller, HttpServletRequest request, @PathVariable String blueprintId,
            @PathVariable String version) {
        return this.<CostEstimated>versionResult(caller, request, DharmaTopology.COSTS_STORE, blueprintId, version,
                event -> event.getEnvelope().getTenantId(), QueryApiError.COST_NOT_ESTIMATED_YET,
                event -> ResponseEntity.ok(CostEstimateView.of(event)));
    }

    @GetMapping("/api/v1/blueprints/{blueprintId}/versions/{version}/verdict")
    ResponseEntity<?> verdict(Caller caller, HttpServletRequest request, @PathVariable String blueprintId,
            @PathVariable String version) {
        return this.<GuardrailsEvaluated>versionResult(caller, request, DharmaTopology.VERDICTS_STORE, blueprintId,
                version, event -> event.getEnvelope().getTenantId(), QueryApiError.VERDICT_NOT_EVALUATED_YET,
                event -> ResponseEntity.ok(VerdictResponse.of(event)));
    }

    @GetMapping("/api/v1/deployments/{deploymentId}/plan")
    ResponseEntity<?> plan(Caller caller, HttpServletRequest request, @PathVariable String deploymentId) {
        String tenant = caller.tenant();
        return switch (queries.<DeploymentEvent>find(DharmaTopology.PLANS_STORE, deploymentId)) {
            case StateQueries.Located.Elsewhere<DeploymentEvent> elsewhere -> forwarding.forward(elsewhere.host(), request);
            case StateQueries.Located.Here<DeploymentEvent> here -> {
                if (here.value() != null && tenant.equals(here.value().getEnvelope().getTenantId())) {
                    yield ResponseEntity.ok(PlanResponse.of(here.value()));
                }
                throw deploymentKnown(tenant, deploymentId)
                        ? new ApiException(QueryApiError.PLAN_NOT_PLANNED_YET, "deployment " + deploymentId
                                + " has no plan (yet): it is waiting for a verdict or an approval, or was blocked")
                        : new ApiException(QueryApiError.DEPLOYMENT_NOT_FOUND, "no deployment " + deploymentId + " for this tenant");
            }
        };
    }

    /** The plans store and the deployments store are fed by the same repartition, so they share partitions and host. */
    private boolean deploymentKnown(String tenant, String deploymentId) {
        return switch (queries.<DeploymentView>find(DharmaTopology.DEPLOYMENTS_STORE, deploymentId)) {
            case StateQueries.Located.Here<DeploymentView> here ->
                    here.value() != null && tenant.equals(here.value().getTenantId());
            case StateQueries.Located.Elsewhere<DeploymentView> elsewhere -> false;
        };
    }

    private <V> ResponseEntity<?> versionResult(Caller caller, HttpServletRequest request, String store,
            String blueprintId, String versionText, Function<V, String> tenantOf, ApiError notYet,
            Function<V, ResponseEntity<?>> render) {
        int version = version(versionText);
        String tenant = caller.tenant();
        String key = DharmaTopology.resultKey(blueprintId, version);
        return switch (queries.<V>find(store, key, DharmaTopology.resultPartitionKey(blueprintId))) {
            case StateQueries.Located.Elsewhere<V> elsewhere -> forwarding.forward(elsewhere.host(), request);
            case StateQueries.Located.Here<V> here -> {
                if (here.value() != null && tenant.equals(tenantOf.apply(here.value()))) {
                    yield render.apply(here.value());
                }
                throw versions.known(tenant, blueprintId, version, request)
                        ? new ApiException(notYet, notYet.title() + ": blueprint " + blueprintId + " version " + version)
                        : new ApiException(QueryApiError.BLUEPRINT_NOT_FOUND,
                                "no blueprint " + blueprintId + " with version " + version + " for this tenant");
            }
        };
    }

    private static IacGenerated generated(IacEvent event) {
        if (event.getPayload() instanceof IacGenerated generated) {
            return generated;
        }
        throw new ApiException(QueryApiError.IAC_GENERATION_FAILED, "Terraform could not be generated for version "
                + event.getEnvelope().getBlueprintVersion() + ": see its iac read for the reasons");
    }

    private static int version(String text) {
        try {
            int version = Integer.parseInt(text);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(QueryApiError.INVALID_QUERY, "version must be a positive integer, not '" + text + "'");
    }
}
