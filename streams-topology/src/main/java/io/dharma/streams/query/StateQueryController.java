package io.dharma.streams.query;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.dharma.streams.DharmaTopology;
import io.dharma.streams.TenantIndex;
import io.dharma.streams.views.BlueprintView;
import io.dharma.streams.views.DeploymentStatus;
import io.dharma.streams.views.DeploymentView;
import io.dharma.streams.views.DriftView;
import io.dharma.streams.views.TenantSummary;
import io.dharma.streams.views.TrackingView;
import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import io.dharma.web.PageCursor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read side of Dharma: tracking, blueprint status, deployments and the tenant summary, from the state stores. */
@RestController
public class StateQueryController {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;
    static final int DEFAULT_DRIFT_PAGE = 100;
    static final int MAX_BLUEPRINT_DEPLOYMENTS = 100;

    private final KeyLookups lookups;
    private final ScatterGather scans;
    private final AcceptedSubmission.Lookup accepted;
    private final BlueprintVersions blueprints;

    public StateQueryController(KeyLookups lookups, ScatterGather scans, AcceptedSubmission.Lookup accepted,
            BlueprintVersions blueprints) {
        this.lookups = lookups;
        this.scans = scans;
        this.accepted = accepted;
        this.blueprints = blueprints;
    }

    @GetMapping("/api/v1/tracking/{trackingId}")
    ResponseEntity<?> tracking(Caller caller, HttpServletRequest request, @PathVariable String trackingId) {
        String tenant = caller.tenant();
        return lookups.<TrackingView>answer(tenant, request, DharmaTopology.TRACKING_STORE, trackingId,
                TrackingView::getTenantId, TrackingResponse::of,
                () -> TrackingResponse.accepted(accepted, trackingId, tenant, request.getHeader(HttpHeaders.AUTHORIZATION)),
                () -> new ApiException(QueryApiError.TRACKING_NOT_FOUND, "no submission " + trackingId + " for this tenant"));
    }

    @GetMapping("/api/v1/blueprints/{blueprintId}/status")
    ResponseEntity<?> blueprintStatus(Caller caller, HttpServletRequest request, @PathVariable String blueprintId) {
        return lookups.<BlueprintView>answer(caller.tenant(), request, DharmaTopology.BLUEPRINTS_STORE, blueprintId,
                BlueprintView::getTenantId, BlueprintStatusResponse::of, Optional::empty,
                () -> new ApiException(QueryApiError.BLUEPRINT_NOT_FOUND, "no blueprint " + blueprintId + " for this tenant"));
    }

    /** What is deployed for the blueprint (the dry run's diff reads it); 404 when nothing ever was. */
    @GetMapping("/api/v1/blueprints/{blueprintId}/resources")
    ResponseEntity<?> deployedResources(Caller caller, HttpServletRequest request, @PathVariable String blueprintId) {
        return lookups.<DriftView>answer(caller.tenant(), request, DharmaTopology.DRIFT_STORE, blueprintId,
                DriftView::getTenantId, DeployedResourcesResponse::of, Optional::empty,
                () -> new ApiException(QueryApiError.BLUEPRINT_NOT_FOUND, "nothing deployed for blueprint " + blueprintId
                        + " in this tenant"));
    }

    @GetMapping("/api/v1/deployments/{deploymentId}")
    ResponseEntity<?> deployment(Caller caller, HttpServletRequest request, @PathVariable String deploymentId) {
        return lookups.<DeploymentView>answer(caller.tenant(), request, DharmaTopology.DEPLOYMENTS_STORE, deploymentId,
                DeploymentView::getTenantId, DeploymentResponse::of, Optional::empty,
                () -> new ApiException(QueryApiError.DEPLOYMENT_NOT_FOUND, "no deployment " + deploymentId + " for this tenant"));
    }

    @GetMapping("/api/v1/summary")
    ResponseEntity<?> summary(Caller caller, HttpServletRequest request) {
        String tenant = caller.tenant();
        return lookups.<TenantSummary>answer(tenant, request, DharmaTopology.TENANT_SUMMARY_STORE, tenant,
                TenantSummary::getTenantId, SummaryResponse::of, () -> Optional.of(SummaryResponse.empty(tenant)),
                () -> new IllegalStateException("unreachable"));
    }

    /** One line of the deployments list. */
    public record DeploymentSummary(String deploymentId, String blueprintId, int blueprintVersion, String operation,
            String status, Instant updatedAt) {

        static DeploymentSummary of(DeploymentView view) {
            return new DeploymentSummary(view.getDeploymentId(), view.getBlueprintId(), view.getBlueprintVersion(),
                    view.getOperation(), view.getStatus().name(), view.getUpdatedAt());
        }
    }

    /** A page of deployments; pass {@code nextCursor} as {@code cursor} for the next one (null at the end). */
    public record DeploymentPage(List<DeploymentSummary> items, String nextCursor) {
    }

    @GetMapping("/api/v1/deployments")
    Object deployments(Caller caller, HttpServletRequest request, @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "" + DEFAULT_PAGE) int limit) {
        String tenant = caller.tenant();
        DeploymentStatus wanted = parseStatus(status);
        checkLimit(limit);
        String after = cursor == null ? null : PageCursor.decode(cursor, QueryApiError.INVALID_QUERY);
        ScatterGather.Listing<DeploymentView> listing = ScatterGather.Listing.after(
                DharmaTopology.DEPLOYMENTS_BY_TENANT_STORE, DharmaTopology.DEPLOYMENTS_STORE,
                TenantIndex.deploymentPrefix(tenant, wanted), after,
                view -> view.getTenantId().equals(tenant) && (wanted == null || view.getStatus() == wanted));
        if (InstanceForwarding.asksLocalScope(request)) {
            return scans.local(listing, limit + 1, entry -> List.of(DeploymentSummary.of(entry.value)));
        }
        ScatterGather.Gathered<DeploymentSummary> page = scans.everywhere(request, listing, limit,
                entry -> List.of(DeploymentSummary.of(entry.value)), DeploymentSummary.class,
                Comparator.comparing(DeploymentSummary::deploymentId));
        return new DeploymentPage(page.items(), page.more() ? PageCursor.encode(page.items().getLast().deploymentId()) : null);
    }

    /**
     * A blueprint's deployments, newest first, at most {@value #MAX_BLUEPRINT_DEPLOYMENTS}: how a user
     * finds the deployment of a submission. Every instance lists all of the blueprint's deployments
     * it holds (one per version, retries included, plus destroys: few), so the newest are found
     * whichever partitions hold them. An empty list is 404 {@code blueprint.not-found} unless the
     * blueprints store knows the caller's blueprint.
     */
    @GetMapping("/api/v1/blueprints/{blueprintId}/deployments")
    Object blueprintDeployments(Caller caller, HttpServletRequest request, @PathVariable String blueprintId) {
        String tenant = caller.tenant();
        ScatterGather.Listing<DeploymentView> listing = ScatterGather.Listing.after(
                DharmaTopology.DEPLOYMENTS_BY_TENANT_STORE, DharmaTopology.DEPLOYMENTS_STORE,
                TenantIndex.blueprintDeploymentPrefix(tenant, blueprintId), null,
                view -> view.getTenantId().equals(tenant) && view.getBlueprintId().equals(blueprintId));
        if (InstanceForwarding.asksLocalScope(request)) {
            return scans.local(listing, Integer.MAX_VALUE, entry -> List.of(BlueprintDeploymentResponse.of(entry.value)));
        }
        List<BlueprintDeploymentResponse> all = scans.everywhere(request, listing, Integer.MAX_VALUE,
                entry -> List.of(BlueprintDeploymentResponse.of(entry.value)), BlueprintDeploymentResponse.class,
                BlueprintDeploymentResponse.NEWEST_FIRST).items();
        if (all.isEmpty() && !blueprints.known(tenant, blueprintId, 1, request)) {
            throw new ApiException(QueryApiError.BLUEPRINT_NOT_FOUND, "no blueprint " + blueprintId + " for this tenant");
        }
        return all.size() > MAX_BLUEPRINT_DEPLOYMENTS ? all.subList(0, MAX_BLUEPRINT_DEPLOYMENTS) : all;
    }

    @GetMapping("/api/v1/drift")
    Object drift(Caller caller, HttpServletRequest request, @RequestParam(required = false) String blueprintId,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "" + DEFAULT_DRIFT_PAGE) int limit) {
        String tenant = caller.tenant();
        checkLimit(limit);
        DriftResponse.Position after = cursor == null ? null
                : DriftResponse.Position.parse(PageCursor.decode(cursor, QueryApiError.INVALID_QUERY))
                        .orElseThrow(() -> PageCursor.invalid(QueryApiError.INVALID_QUERY));
        ScatterGather.Listing<DriftView> listing = ScatterGather.Listing.from(
                DharmaTopology.DRIFT_BY_TENANT_STORE, DharmaTopology.DRIFT_STORE, TenantIndex.driftPrefix(tenant),
                after == null ? null : after.blueprintId(),
                view -> view.getTenantId().equals(tenant) && (blueprintId == null || view.getBlueprintId().equals(blueprintId))
                        && !DriftResponse.itemsAfter(view, after).isEmpty());
        if (InstanceForwarding.asksLocalScope(request)) {
            return scans.local(listing, limit + 1, entry -> DriftResponse.itemsAfter(entry.value, after));
        }
        ScatterGather.Gathered<DriftResponse.Item> page = scans.everywhere(request, listing, limit,
                entry -> DriftResponse.itemsAfter(entry.value, after), DriftResponse.Item.class, DriftResponse.Item.ORDER);
        return new DriftResponse(page.items(),
                page.more() ? PageCursor.encode(DriftResponse.Position.of(page.items().getLast()).text()) : null);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiException(QueryApiError.INVALID_QUERY, "limit must be between 1 and " + MAX_PAGE);
        }
    }

    private static DeploymentStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeploymentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(QueryApiError.INVALID_QUERY, "status must be one of "
                    + Arrays.toString(DeploymentStatus.values()));
        }
    }
}
