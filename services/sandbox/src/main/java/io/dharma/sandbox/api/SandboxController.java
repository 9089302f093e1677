package io.dharma.sandbox.api;

import io.dharma.sandbox.OutOfBandChanges;
import io.dharma.sandbox.SandboxProperties;
import io.dharma.sandbox.fault.FaultInjector;
import io.dharma.sandbox.fault.Faults;
import io.dharma.sandbox.inventory.Inventory;
import io.dharma.sandbox.inventory.StoredResource;
import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import io.dharma.web.CommonApiError;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox cloud's console: its inventory, its audit log, out-of-band changes (drift on
 * purpose) and fault injection. {@code {id}} is the inventory id of a resource (a UUID derived from
 * tenant, blueprint and name, in every listing), not the provider id, which has slashes and colons.
 * Resources are the caller's tenant's only; fault settings are the whole sandbox's. The caller is
 * the authenticated one (platform/security): reading is for every tenant role; out-of-band changes
 * and fault settings are platform-admin's only (the permission matrix, checked again here).
 */
@RestController
@RequestMapping("/api/v1/sandbox")
public class SandboxController {

    private final Inventory inventory;
    private final OutOfBandChanges outOfBand;
    private final FaultInjector faults;
    private final SandboxProperties properties;

    SandboxController(Inventory inventory, OutOfBandChanges outOfBand, FaultInjector faults,
            SandboxProperties properties) {
        this.inventory = inventory;
        this.outOfBand = outOfBand;
        this.faults = faults;
        this.properties = properties;
    }

    @GetMapping("/resources")
    ApiViews.ResourceList resources(Caller caller, @RequestParam(required = false) String blueprintId) {
        String tenant = caller.tenant();
        if (blueprintId != null) {
            return new ApiViews.ResourceList(views(inventory.listBlueprint(tenant, blueprintId)), false);
        }
        int limit = properties.maxListSize();
        List<StoredResource> resources = inventory.listTenant(tenant, limit + 1);
        return new ApiViews.ResourceList(views(resources.stream().limit(limit).toList()), resources.size() > limit);
    }

    @GetMapping("/resources/{id}")
    ApiViews.Resource resource(Caller caller, @PathVariable String id) {
        UUID resourceId = resourceId(id);
        return inventory.find(caller.tenant(), resourceId).map(ApiViews.Resource::of)
                .orElseThrow(() -> notFound(id));
    }

    @GetMapping("/resources/{id}/operations")
    ApiViews.OperationList operations(Caller caller, @PathVariable String id) {
        UUID resourceId = resourceId(id);
        var operations = inventory.operations(caller.tenant(), resourceId);
        if (operations.isEmpty()) {
            throw notFound(id);
        }
        return new ApiViews.OperationList(resourceId, operations.stream().map(ApiViews.OperationView::of).toList());
    }

    /** Changes attributes out of band: {@code {"attributes": {...}}}, merged as a JSON Merge Patch. */
    @PostMapping("/resources/{id}")
    ApiViews.Resource change(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        requirePlatformAdmin(caller);
        String tenant = caller.tenant();
        String user = caller.user();
        UUID resourceId = resourceId(id);
        if (body == null || !body.path("attributes").isObject()) {
            throw new ApiException(SandboxApiError.INVALID_CHANGE,
                    "the body must be {\"attributes\": {...}} with the attributes to set (null removes one)");
        }
        try {
            return outOfBand.change(tenant, resourceId, (ObjectNode) body.path("attributes"), user)
                    .map(ApiViews.Resource::of)
                    .orElseThrow(() -> notFound(id));
        } catch (OutOfBandChanges.InvalidAttributesException e) {
            throw new ApiException(SandboxApiError.INVALID_ATTRIBUTES, e.getMessage() + "; see errors", Map.of("errors",
                    e.violations().stream().map(v -> Map.of("pointer", "/attributes" + v.pointer(), "message", v.message())).toList()));
        }
    }

    /** Deletes a resource out of band. */
    @DeleteMapping("/resources/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        requirePlatformAdmin(caller);
        String tenant = caller.tenant();
        String user = caller.user();
        outOfBand.delete(tenant, resourceId(id), user).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/faults")
    Faults faults(Caller caller) {
        requirePlatformAdmin(caller);
        return faults.current();
    }

    /** Replaces every fault setting; absent fields mean none. */
    @PutMapping("/faults")
    Faults setFaults(Caller caller, @RequestBody ApiViews.FaultSettings settings) {
        requirePlatformAdmin(caller);
        try {
            faults.set(settings.toFaults());
        } catch (IllegalArgumentException e) {
            throw new ApiException(SandboxApiError.INVALID_FAULTS, e.getMessage());
        }
        return faults.current();
    }

    /** Defence in depth: the security chain's permission matrix refuses these before they get here. */
    private static void requirePlatformAdmin(Caller caller) {
        if (!caller.isPlatformAdmin()) {
            throw new ApiException(CommonApiError.FORBIDDEN, "changing the sandbox behind the platform's back is for platform-admin only");
        }
    }

    private static List<ApiViews.Resource> views(List<StoredResource> resources) {
        return resources.stream().map(ApiViews.Resource::of).toList();
    }

    private static UUID resourceId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static ApiException notFound(String id) {
        return new ApiException(SandboxApiError.RESOURCE_NOT_FOUND, "no sandbox resource " + id + " for this tenant");
    }
}
