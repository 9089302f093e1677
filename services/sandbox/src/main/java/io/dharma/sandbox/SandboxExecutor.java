package io.dharma.sandbox;

import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.PropertyValues;
import io.dharma.blueprint.catalogue.PropertyViolation;
import io.dharma.blueprint.catalogue.RegionCatalogue;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.catalogue.ResourceType;
import io.dharma.executor.ActualResource;
import io.dharma.executor.ChangeListener;
import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import io.dharma.executor.ExecutorException;
import io.dharma.executor.InfrastructureExecutor;
import io.dharma.executor.Plan;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import io.dharma.executor.StackConfiguration;
import io.dharma.sandbox.fault.FaultInjector;
import io.dharma.sandbox.inventory.Inventory;
import io.dharma.sandbox.inventory.Operation;
import io.dharma.sandbox.inventory.OperationKind;
import io.dharma.sandbox.inventory.StackFences;
import io.dharma.sandbox.inventory.StoredResource;
import io.dharma.sandbox.plan.InvalidDesiredStateException;
import io.dharma.sandbox.plan.Planner;
import io.dharma.sandbox.provider.ProviderResource;
import io.dharma.sandbox.provider.ProviderShapes;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox cloud: a simulated AWS, Azure and GCP whose inventory lives in PostgreSQL. Plans by
 * diffing the desired state with the inventory ({@link Planner}), applies one change at a time,
 * idempotently per (stack, resource name), with provider-shaped ids and attributes
 * ({@link ProviderShapes}), after a configurable latency and subject to injected faults
 * ({@link FaultInjector}). Every apply, successful or not, is in the audit log.
 *
 * <p>Apply, per action:
 * <ul>
 *   <li>CREATE of a resource that exists returns it unchanged: no second row, ever (the insert is
 *       {@code ON CONFLICT DO NOTHING} on the stack's unique name, so racing creates are safe too).
 *       One of another type is a permanent failure: plan again, the plan replaces it.</li>
 *   <li>UPDATE sets the attributes and bumps the version; if they are already as desired (a
 *       repeated apply) nothing changes. A missing resource is a permanent failure: the plan is stale.</li>
 *   <li>DELETE removes the resource; if it is already gone it is a no-op returning the last state
 *       the audit log recorded (for a resource that never existed: no provider id, no attributes).</li>
 * </ul>
 * Database failures are transient {@link ExecutorException}s (the provider is unreachable);
 * invalid resources and injected permanent faults are permanent ones. A plan or change whose
 * fencing token is lower than the highest seen for the stack is refused ({@link StackFences}); a
 * change checks it in its own transaction.
 */
public class SandboxExecutor implements InfrastructureExecutor {

    public static final String NAME = "sandbox";
    /** Who the audit log names for changes the executor makes (operators are named by the API). */
    public static final String ACTOR = "executor";

    private static final Logger log = LoggerFactory.getLogger(SandboxExecutor.class);

    private final Inventory inventory;
    private final StackFences fences;
    private final TransactionTemplate transactions;
    private final ProviderShapes shapes;
    private final FaultInjector faults;
    private final Duration latency;
    private final Clock clock;
    private final Planner planner = new Planner();

    public SandboxExecutor(Inventory inventory, StackFences fences, TransactionTemplate transactions,
            ProviderShapes shapes, FaultInjector faults, Duration latency, Clock clock) {
        this.inventory = inventory;
        this.fences = fences;
        this.transactions = transactions;
        this.shapes = shapes;
        this.faults = faults;
        this.latency = latency;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Plan plan(Stack stack, StackConfiguration configuration) throws ExecutorException {
        return plan(stack, configuration.desired());
    }

    @Override
    public Plan planDestroy(Stack stack, StackConfiguration lastApplied) throws ExecutorException {
        return plan(stack, DesiredState.EMPTY);
    }

    /** The changes that turn the stack's inventory into {@code desired}. */
    public Plan plan(Stack stack, DesiredState desired) throws ExecutorException {
        requireSimulated(stack);
        requireCurrentClaim(stack);
        for (DesiredResource resource : desired.resources()) {
            requireValid(resource.name(), resource.type(), resource.attributes());
        }
        List<StoredResource> actual = read(stack);
        try {
            return planner.plan(stack, actual, desired);
        } catch (InvalidDesiredStateException e) {
            throw ExecutorException.permanentFailure(e.resourceName(), e.getMessage());
        }
    }

    @Override
    public List<ActualResource> readActualState(Stack stack, StackConfiguration deployed) throws ExecutorException {
        return readActualState(stack);
    }

    public List<ActualResource> readActualState(Stack stack) throws ExecutorException {
        return read(stack).stream().map(StoredResource::toActual).toList();
    }

    /** Applies the plan's changes one at a time, in order; each is idempotent, so a repeated plan creates nothing twice. */
    @Override
    public Map<String, String> apply(Stack stack, Plan plan, ChangeListener listener) throws ExecutorException {
        for (PlannedChange change : plan.changes()) {
            listener.applied(change, apply(stack, change));
        }
        return Map.of();
    }

    /** Performs one planned change; returns the resource as it now is (or the deleted one, for a delete). */
    public ActualResource apply(Stack stack, PlannedChange change) throws ExecutorException {
        try {
            requireSimulated(stack);
            pause();
            faults.check(stack, change.resourceName());
            return switch (change.action()) {
                case CREATE -> create(stack, change.desired());
                case UPDATE -> update(stack, change.desired());
                case DELETE -> delete(stack, change);
                case REPLACE -> throw ExecutorException.permanentFailure(change.resourceName(),
                        "the sandbox replaces a resource as a delete and a create, not as one change");
            };
        } catch (ExecutorException e) {
            recordFailure(stack, change, e);
            throw e;
        }
    }

    private ActualResource create(Stack stack, DesiredResource desired) throws ExecutorException {
        Map<String, Object> attributes = requireValid(desired.name(), desired.type(), desired.attributes());
        return inTransaction(stack, desired.name(), () -> {
            Optional<StoredResource> existing = inventory.find(stack, desired.name());
            if (existing.isEmpty()) {
                ProviderResource provider = shapes.shape(stack, desired.name(), desired.type(), attributes,
                        name -> inventory.find(stack, name));
                OffsetDateTime now = now();
                StoredResource resource = new StoredResource(
                        Inventory.resourceId(stack.tenantId(), stack.blueprintId(), desired.name()),
                        stack.tenantId(), stack.blueprintId(), stack.blueprintName(), desired.name(), desired.type(),
                        stack.cloud(), stack.region(), provider.providerId(), attributes, provider.attributes(),
                        desired.dependsOn(), 1, now, now);
                Optional<StoredResource> inserted = inventory.insertIfAbsent(resource);
                if (inserted.isPresent()) {
                    inventory.log(inserted.get(), OperationKind.CREATE, ACTOR, now, null);
                    return Result.of(inserted.get());
                }
                // another create of the same resource committed first: this one is a repeat
                existing = inventory.find(stack, desired.name());
            }
            StoredResource current = existing.orElseThrow();
            if (!current.type().equals(desired.type())) {
                return Result.failure(ExecutorException.permanentFailure(desired.name(), "'" + desired.name()
                        + "' already exists as a " + current.type() + ", not a " + desired.type() + "; plan again to replace it"));
            }
            return Result.of(current);
        });
    }

    private ActualResource update(Stack stack, DesiredResource desired) throws ExecutorException {
        Map<String, Object> attributes = requireValid(desired.name(), desired.type(), desired.attributes());
        return inTransaction(stack, desired.name(), () -> {
            Optional<StoredResource> locked = inventory.findForUpdate(stack, desired.name());
            if (locked.isEmpty()) {
                return Result.failure(ExecutorException.permanentFailure(desired.name(), "'" + desired.name()
                        + "' does not exist (deleted outside Dharma?); plan again to create it"));
            }
            StoredResource current = locked.get();
            if (!current.type().equals(desired.type())) {
                return Result.failure(ExecutorException.permanentFailure(desired.name(), "'" + desired.name()
                        + "' is a " + current.type() + ", not a " + desired.type() + "; plan again to replace it"));
            }
            List<String> changed = Planner.changedAttributes(current.attributes(), attributes);
            if (changed.isEmpty() && current.dependsOn().equals(desired.dependsOn())) {
                return Result.of(current);
            }
            ProviderResource provider = shapes.shape(stack, desired.name(), desired.type(), attributes,
                    name -> inventory.find(stack, name));
            OffsetDateTime now = now();
            StoredResource updated = inventory.update(current, attributes, provider.attributes(), desired.dependsOn(), now);
            inventory.log(updated, OperationKind.UPDATE, ACTOR, now, String.join(",", changed));
            return Result.of(updated);
        });
    }

    private ActualResource delete(Stack stack, PlannedChange change) throws ExecutorException {
        UUID id = Inventory.resourceId(stack.tenantId(), stack.blueprintId(), change.resourceName());
        return inTransaction(stack, change.resourceName(), () -> {
            Optional<StoredResource> deleted = inventory.delete(stack.tenantId(), id, change.type());
            if (deleted.isPresent()) {
                inventory.log(deleted.get(), OperationKind.DELETE, ACTOR, now(), null);
                return Result.of(deleted.get());
            }
            ActualResource gone = inventory.lastKnownState(stack.tenantId(), id, change.type())
                    .map(SandboxExecutor::lastState)
                    .orElseGet(() -> new ActualResource(change.resourceName(), change.type(), "", Map.of(), Map.of()));
            return new Result(gone, null);
        });
    }

    /** Refuses a call made under a claim that has lost the stack (a stale fencing token). */
    private void requireCurrentClaim(Stack stack) throws ExecutorException {
        inTransaction(stack, null, () -> new Result(null, null));
    }

    /**
     * Runs {@code work} in one transaction, unless the stack's fencing token is stale; a database
     * failure is a transient failure of the resource.
     */
    private ActualResource inTransaction(Stack stack, String resourceName, Supplier<Result> work) throws ExecutorException {
        Result result;
        try {
            result = transactions.execute(status -> {
                long highest = stack.fenced() ? fences.raise(stack, now()) : Stack.UNFENCED;
                return highest > stack.fencingToken() ? Result.failure(ExecutorException.fenced(stack, highest)) : work.get();
            });
        } catch (DataAccessException | TransactionException e) {
            throw ExecutorException.transientFailure(resourceName, "the sandbox inventory is unavailable: " + e.getMessage(), e);
        }
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.resource();
    }

    private List<StoredResource> read(Stack stack) throws ExecutorException {
        try {
            return inventory.list(stack);
        } catch (DataAccessException e) {
            throw ExecutorException.transientFailure(null, "the sandbox inventory is unavailable: " + e.getMessage(), e);
        }
    }

    /** The catalogue type's JSON Schema is what the simulated provider accepts; returns the normalised attributes. */
    private static Map<String, Object> requireValid(String name, String typeName, Map<String, Object> attributes)
            throws ExecutorException {
        Optional<ResourceType> type = ResourceCatalogue.v1().find(typeName);
        if (type.isEmpty()) {
            throw ExecutorException.permanentFailure(name, "the sandbox has no resource type '" + typeName + "'");
        }
        Map<String, Object> normalised;
        try {
            normalised = PropertyValues.immutableMap(attributes);
        } catch (IllegalArgumentException e) {
            throw ExecutorException.permanentFailure(name, "'" + name + "' has an attribute that is not a JSON value: " + e.getMessage());
        }
        List<PropertyViolation> violations = type.get().validate(PropertyValues.toJson(normalised));
        if (!violations.isEmpty()) {
            throw ExecutorException.permanentFailure(name, "the provider refuses '" + name + "': " + violations.stream()
                    .map(violation -> violation.pointer() + " " + violation.message())
                    .collect(Collectors.joining("; ")));
        }
        return normalised;
    }

    private static void requireSimulated(Stack stack) throws ExecutorException {
        Optional<Cloud> cloud = Cloud.fromId(stack.cloud());
        if (cloud.isEmpty()) {
            throw ExecutorException.permanentFailure(null, "the sandbox simulates aws, azure and gcp, not '" + stack.cloud() + "'");
        }
        if (!RegionCatalogue.v1().contains(cloud.get(), stack.region())) {
            throw ExecutorException.permanentFailure(null, "'" + stack.region() + "' is not a region of " + stack.cloud());
        }
    }

    private void pause() throws ExecutorException {
        if (latency.isPositive()) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ExecutorException.transientFailure(null, "interrupted while the sandbox was working");
            }
        }
    }

    private void recordFailure(Stack stack, PlannedChange change, ExecutorException failure) {
        try {
            transactions.executeWithoutResult(status -> {
                Optional<StoredResource> current = inventory.find(stack, change.resourceName());
                if (current.isPresent()) {
                    inventory.log(current.get(), OperationKind.FAILED, ACTOR, now(), change.action() + ": " + failure.getMessage());
                } else {
                    inventory.logFailure(stack, change.resourceName(), change.type(), ACTOR, now(),
                            change.action() + ": " + failure.getMessage());
                }
            });
        } catch (RuntimeException e) {
            log.warn("could not record the failed {} of {} in {}: {}", change.action(), change.resourceName(),
                    stack.blueprintId(), e.toString());
        }
    }

    private static ActualResource lastState(Operation operation) {
        return new ActualResource(operation.resourceName(), operation.resourceType(),
                operation.providerId() == null ? "" : operation.providerId(), operation.attributes(),
                operation.providerAttributes() == null ? Map.of() : operation.providerAttributes());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** What a transaction produced: the resource, or a failure to throw once it has rolled back. */
    private record Result(ActualResource resource, ExecutorException failure) {

        static Result of(StoredResource resource) {
            return new Result(resource.toActual(), null);
        }

        static Result failure(ExecutorException failure) {
            return new Result(null, failure);
        }
    }
}
