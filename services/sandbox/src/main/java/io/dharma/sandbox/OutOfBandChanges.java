package io.dharma.sandbox;

import io.dharma.blueprint.PropertyValues;
import io.dharma.blueprint.catalogue.PropertyViolation;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.executor.Stack;
import io.dharma.sandbox.inventory.Inventory;
import io.dharma.sandbox.inventory.OperationKind;
import io.dharma.sandbox.inventory.StoredResource;
import io.dharma.sandbox.provider.ProviderResource;
import io.dharma.sandbox.provider.ProviderShapes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an operator does to a sandbox resource behind Dharma's back, the way someone clicking in a
 * cloud console would: change its attributes or delete it. This is how drift is produced. Both
 * are in the audit log with the acting user.
 */
public class OutOfBandChanges {

    private final Inventory inventory;
    private final TransactionTemplate transactions;
    private final ProviderShapes shapes;
    private final Clock clock;

    public OutOfBandChanges(Inventory inventory, TransactionTemplate transactions, ProviderShapes shapes, Clock clock) {
        this.inventory = inventory;
        this.transactions = transactions;
        this.shapes = shapes;
        this.clock = clock;
    }

    /**
     * Applies {@code patch} to the resource's attributes as a JSON Merge Patch (RFC 7396: objects
     * merge, {@code null} removes, anything else replaces) and bumps its version; empty if the
     * tenant has no such resource. The result must still be valid for the resource's type, as a
     * provider would insist.
     *
     * @throws InvalidAttributesException if the patched attributes break the type's schema
     */
    public Optional<StoredResource> change(String tenantId, UUID id, ObjectNode patch, String actor) {
        return transactions.execute(status -> inventory.findForUpdate(tenantId, id).map(current -> {
            Map<String, Object> attributes = patched(current.attributes(), patch);
            List<PropertyViolation> violations = ResourceCatalogue.v1().type(current.type()).validate(PropertyValues.toJson(attributes));
            if (!violations.isEmpty()) {
                throw new InvalidAttributesException(current.type(), violations);
            }
            Stack stack = new Stack(current.tenantId(), current.blueprintId(), current.blueprintName(), current.cloud(), current.region());
            ProviderResource provider = shapes.shape(stack, current.name(), current.type(), attributes,
                    name -> inventory.find(stack, name));
            OffsetDateTime now = OffsetDateTime.now(clock);
            StoredResource updated = inventory.update(current, attributes, provider.attributes(), current.dependsOn(), now);
            inventory.log(updated, OperationKind.OUT_OF_BAND_UPDATE, actor, now, patch.toString());
            return updated;
        }));
    }

    /** Deletes the resource; empty if the tenant has no such resource. */
    public Optional<StoredResource> delete(String tenantId, UUID id, String actor) {
        return transactions.execute(status -> inventory.delete(tenantId, id, null).map(deleted -> {
            inventory.log(deleted, OperationKind.OUT_OF_BAND_DELETE, actor, OffsetDateTime.now(clock), null);
            return deleted;
        }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> patched(Map<String, Object> attributes, ObjectNode patch) {
        JsonNode merged = merge(PropertyValues.toJson(attributes), patch);
        return (Map<String, Object>) PropertyValues.fromJson(merged);
    }

    /** RFC 7396 JSON Merge Patch; returns the patched target (a new node where the target is replaced). */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target.isObject() ? (ObjectNode) target.deepCopy() : JsonNodeFactory.instance.objectNode();
        patch.properties().forEach(entry -> {
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), merge(result.path(entry.getKey()), entry.getValue()));
            }
        });
        return result;
    }

    /** Attributes an operator set that the resource's type does not allow. */
    public static class InvalidAttributesException extends RuntimeException {

        private final transient List<PropertyViolation> violations;

        InvalidAttributesException(String type, List<PropertyViolation> violations) {
            super("the attributes are not valid for a " + type);
            this.violations = List.copyOf(violations);
        }

        public List<PropertyViolation> violations() {
            return violations;
        }
    }
}
