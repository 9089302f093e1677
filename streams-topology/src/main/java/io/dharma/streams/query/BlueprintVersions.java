package io.dharma.streams.query;

import java.net.http.HttpResponse;

import io.dharma.streams.DharmaTopology;
import io.dharma.streams.runtime.StateUnavailableException;
import io.dharma.streams.views.BlueprintView;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether the state knows a version of a tenant's blueprint (its blueprints store has reached it):
 * tells a result that is not there yet from one that never will be. The blueprints store may live
 * on another instance; it is then asked for the blueprint's status on the caller's behalf.
 */
public final class BlueprintVersions {

    private final StateQueries queries;
    private final InstanceForwarding forwarding;
    private final JsonMapper json;

    public BlueprintVersions(StateQueries queries, InstanceForwarding forwarding, JsonMapper json) {
        this.queries = queries;
        this.forwarding = forwarding;
        this.json = json;
    }

    public boolean known(String tenant, String blueprintId, int version, HttpServletRequest request) {
        return switch (queries.<BlueprintView>find(DharmaTopology.BLUEPRINTS_STORE, blueprintId)) {
            case StateQueries.Located.Here<BlueprintView> here -> here.value() != null
                    && tenant.equals(here.value().getTenantId()) && version <= here.value().getLatestVersion();
            case StateQueries.Located.Elsewhere<BlueprintView> elsewhere -> {
                HttpResponse<byte[]> status = forwarding.get(elsewhere.host(),
                        "/api/v1/blueprints/" + blueprintId + "/status", request);
                if (status.statusCode() == 404) {
                    yield false;
                }
                if (status.statusCode() != 200) {
                    throw new StateUnavailableException("instance " + elsewhere.host() + " answered "
                            + status.statusCode() + " for the status of " + blueprintId);
                }
                JsonNode body = json.readTree(status.body());
                yield version <= body.path("latestVersion").asInt(0);
            }
        };
    }
}
