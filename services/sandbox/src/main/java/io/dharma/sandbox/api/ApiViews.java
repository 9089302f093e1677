package io.dharma.sandbox.api;

import io.dharma.sandbox.fault.Faults;
import io.dharma.sandbox.inventory.Operation;
import io.dharma.sandbox.inventory.StoredResource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of the sandbox API. */
final class ApiViews {

    private ApiViews() {
    }

    record Resource(UUID id, String blueprintId, String blueprintName, String name, String type, String cloud,
            String region, String providerId, Map<String, Object> attributes, Map<String, String> providerAttributes,
            List<String> dependsOn, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static Resource of(StoredResource r) {
            return new Resource(r.id(), r.blueprintId(), r.blueprintName(), r.name(), r.type(), r.cloud(), r.region(),
                    r.providerId(), r.attributes(), r.providerAttributes(), r.dependsOn(), r.version(),
                    r.createdAt(), r.updatedAt());
        }
    }

    /** @param truncated true when the tenant has more resources than the list holds (ask per blueprint) */
    record ResourceList(List<Resource> items, boolean truncated) {
    }

    record OperationView(long sequence, String kind, String actor, OffsetDateTime occurredAt, Long resourceVersion,
            String providerId, Map<String, Object> attributes, String detail) {

        static OperationView of(Operation o) {
            return new OperationView(o.sequence(), o.kind().name(), o.actor(), o.occurredAt(), o.resourceVersion(),
                    o.providerId(), o.attributes(), o.detail());
        }
    }

    record OperationList(UUID resourceId, List<OperationView> items) {
    }

    /** Fault settings as sent: absent fields mean none. */
    record FaultSettings(Double failureRate, List<String> alwaysFail, Map<String, Integer> transientFailures) {

        Faults toFaults() {
            return new Faults(failureRate == null ? 0 : failureRate, alwaysFail, transientFailures);
        }
    }
}
