package io.dharma.streams;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.dharma.events.AttributeDrift;
import io.dharma.events.DeploymentDestroyed;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DriftDetected;
import io.dharma.events.DriftEvent;
import io.dharma.events.DriftResolution;
import io.dharma.events.DriftResolved;
import io.dharma.events.Envelope;
import io.dharma.events.Envelopes;
import io.dharma.events.ResourceChangeAction;
import io.dharma.events.ResourceChanged;
import io.dharma.events.ResourceObserved;
import io.dharma.streams.views.DriftView;
import io.dharma.streams.views.DriftedAttribute;
import io.dharma.streams.views.ObservedResource;
import io.dharma.streams.views.ResourceState;

/**
 * Pure fold of deployment events and observations into a blueprint's {@link DriftView}, deciding
 * which drift events to emit. Resources are identified by address ({@link Resources#addressOf}):
 * one blueprint resource deployed by Terraform is several addressed resources.
 *
 * <ul>
 *   <li>ResourceChanged CREATED/UPDATED sets the desired state; DELETED removes the resource;
 *       DeploymentDestroyed removes them all. A drifted resource so changed or removed is resolved
 *       ({@link DriftResolution#REDEPLOYED}). FAILED changes nothing.</li>
 *   <li>A ResourceObserved is accepted when the resource has a desired state, the observation is
 *       not older than the last apply (desiredAt) nor than the last accepted observation, and its
 *       eventId is not the last accepted one. A missing resource is drift ({@code deleted}); else
 *       the drifted attributes are those whose observed value differs from the desired one over
 *       the union of both (absent = null).</li>
 *   <li>{@link DriftDetected} is emitted when drift starts and again when the drifted attributes or
 *       the deleted flag change (its {@code since} stays the first observation of the drift);
 *       {@link DriftResolved} {@link DriftResolution#CONVERGED} when an observation matches again.</li>
 * </ul>
 *
 * Emitted envelopes react to the cause with a key per resource, so reprocessing the same cause
 * yields the same eventIds; occurredAt is the observation's observedAt, or the change's occurredAt.
 */
final class DriftFold {

    static final String PRODUCER = "dharma-streams";

    /** The new view ({@code current} itself when unchanged), the events to emit and the observation to route. */
    record Outcome(DriftView view, List<DriftEvent> events, ObservedResource routed) {

        static Outcome unchanged(DriftView current) {
            return new Outcome(current, List.of(), null);
        }
    }

    private DriftFold() {
    }

    static Outcome apply(DriftView current, DeploymentEvent event) {
        return switch (event.getPayload()) {
            case ResourceChanged changed when changed.getAction() != ResourceChangeAction.FAILED ->
                    changed(current, event, changed);
            case DeploymentDestroyed ignored -> destroyed(current, event.getEnvelope());
            default -> Outcome.unchanged(current);
        };
    }

    static Outcome apply(DriftView current, ResourceObserved observation) {
        ResourceState state = current != null ? current.getResources().get(Resources.addressOf(observation)) : null;
        Instant observedAt = observation.getObservedAt();
        if (state == null
                || observedAt.isBefore(state.getDesiredAt())
                || state.getObservedAt() != null && observedAt.isBefore(state.getObservedAt())
                || observation.getEnvelope().getEventId().toString().equals(state.getObservationEventId())) {
            return Outcome.unchanged(current);
        }
        List<DriftedAttribute> attributes = observation.getExists()
                ? differences(state.getDesired(), observation.getAttributes()) : List.of();
        boolean deleted = !observation.getExists();
        boolean drifted = deleted || !attributes.isEmpty();
        ResourceState observed = ResourceState.newBuilder(state)
                .setProviderId(observation.getProviderId() != null ? observation.getProviderId() : state.getProviderId())
                .setObserved(observation.getExists() ? observation.getAttributes() : null)
                .setExists(observation.getExists())
                .setObservedAt(observedAt)
                .setObservationEventId(observation.getEnvelope().getEventId().toString())
                .setDrifted(drifted)
                .setDeleted(deleted)
                .setDriftedAttributes(attributes)
                .setDriftSince(!drifted ? null : state.getDrifted() ? state.getDriftSince() : observedAt)
                .build();

        List<DriftEvent> events = new ArrayList<>(1);
        Envelope cause = observation.getEnvelope();
        if (drifted && (!state.getDrifted() || state.getDeleted() != deleted
                || !state.getDriftedAttributes().equals(attributes))) {
            events.add(detected(cause, observedAt, observed));
        } else if (!drifted && state.getDrifted()) {
            events.add(resolved(cause, observedAt, state, DriftResolution.CONVERGED));
        }
        ObservedResource routed = ObservedResource.newBuilder()
                .setDeploymentId(state.getDeploymentId())
                .setAddress(state.getAddress())
                .setObserved(observed.getObserved())
                .setExists(observed.getExists())
                .setObservedAt(observedAt)
                .setDrifted(drifted)
                .setEventId(observed.getObservationEventId())
                .build();
        return new Outcome(withResource(current, observed, observedAt), events, routed);
    }

    private static Outcome changed(DriftView current, DeploymentEvent event, ResourceChanged changed) {
        Envelope cause = event.getEnvelope();
        DriftView view = current != null ? current : empty(cause);
        String address = Resources.addressOf(changed);
        ResourceState state = view.getResources().get(address);
        if (state != null && (state.getDesiredAt().isAfter(cause.getOccurredAt())
                || state.getChangeEventId().equals(cause.getEventId().toString()))) {
            return Outcome.unchanged(current);
        }
        List<DriftEvent> events = state != null && state.getDrifted()
                ? List.of(resolved(cause, cause.getOccurredAt(), state, DriftResolution.REDEPLOYED)) : List.of();
        Map<String, ResourceState> resources = new HashMap<>(view.getResources());
        if (changed.getAction() == ResourceChangeAction.DELETED) {
            if (state == null) {
                return Outcome.unchanged(current);
            }
            resources.remove(address);
        } else {
            resources.put(address, desired(state, event, changed));
        }
        return new Outcome(withResources(view, resources, cause.getOccurredAt()), events, null);
    }

    /** The resource as {@code changed} left it: the previous observation is kept as history, drift is cleared. */
    private static ResourceState desired(ResourceState previous, DeploymentEvent event, ResourceChanged changed) {
        Envelope envelope = event.getEnvelope();
        return (previous != null ? ResourceState.newBuilder(previous) : ResourceState.newBuilder())
                .setResourceName(changed.getResourceName())
                .setResourceType(changed.getResourceType())
                .setAddress(Resources.addressOf(changed))
                .setProviderId(changed.getProviderId() != null ? changed.getProviderId()
                        : previous != null ? previous.getProviderId() : null)
                .setDeploymentId(event.getDeploymentId())
                .setDesired(changed.getAttributes())
                .setDesiredAt(envelope.getOccurredAt())
                .setChangeEventId(envelope.getEventId().toString())
                .setDrifted(false)
                .setDeleted(false)
                .setDriftedAttributes(List.of())
                .setDriftSince(null)
                .build();
    }

    private static Outcome destroyed(DriftView current, Envelope cause) {
        if (current == null || current.getResources().isEmpty()) {
            return Outcome.unchanged(current);
        }
        List<DriftEvent> events = current.getResources().values().stream()
                .filter(ResourceState::getDrifted)
                .sorted((a, b) -> a.getAddress().compareTo(b.getAddress()))
                .map(state -> resolved(cause, cause.getOccurredAt(), state, DriftResolution.REDEPLOYED))
                .toList();
        return new Outcome(withResources(current, Map.of(), cause.getOccurredAt()), events, null);
    }

    /** Attributes whose observed value differs from the desired one, over both key sets, sorted by name. */
    static List<DriftedAttribute> differences(Map<String, String> desired, Map<String, String> observed) {
        TreeSet<String> names = new TreeSet<>(desired.keySet());
        names.addAll(observed.keySet());
        return names.stream()
                .filter(name -> !Objects.equals(desired.get(name), observed.get(name)))
                .map(name -> new DriftedAttribute(name, desired.get(name), observed.get(name)))
                .toList();
    }

    private static DriftEvent detected(Envelope cause, Instant at, ResourceState state) {
        return event(cause, at, state, DriftDetected.newBuilder()
                .setDriftedAttributes(state.getDriftedAttributes().stream()
                        .map(attribute -> new AttributeDrift(attribute.getName(), attribute.getDesired(),
                                attribute.getActual()))
                        .toList())
                .setDeleted(state.getDeleted())
                .setSince(state.getDriftSince())
                .build());
    }

    private static DriftEvent resolved(Envelope cause, Instant at, ResourceState state, DriftResolution resolution) {
        return event(cause, at, state, new DriftResolved(resolution, state.getDriftSince()));
    }

    private static DriftEvent event(Envelope cause, Instant at, ResourceState state, Object payload) {
        Envelopes envelopes = Envelopes.forProducer(PRODUCER, Clock.fixed(at, ZoneOffset.UTC));
        return DriftEvent.newBuilder()
                .setEnvelope(envelopes.reactingTo(cause, "drift|" + state.getAddress()))
                .setAddress(state.getAddress())
                .setDeploymentId(state.getDeploymentId())
                .setResourceName(state.getResourceName())
                .setResourceType(state.getResourceType())
                .setProviderId(state.getProviderId())
                .setPayload(payload)
                .build();
    }

    private static DriftView withResource(DriftView view, ResourceState state, Instant at) {
        Map<String, ResourceState> resources = new HashMap<>(view.getResources());
        resources.put(state.getAddress(), state);
        return withResources(view, resources, at);
    }

    private static DriftView withResources(DriftView view, Map<String, ResourceState> resources, Instant at) {
        return DriftView.newBuilder(view)
                .setResources(resources)
                .setUpdatedAt(at.isAfter(view.getUpdatedAt()) ? at : view.getUpdatedAt())
                .build();
    }

    private static DriftView empty(Envelope envelope) {
        return DriftView.newBuilder()
                .setBlueprintId(envelope.getBlueprintId())
                .setTenantId(envelope.getTenantId())
                .setResources(Map.of())
                .setUpdatedAt(envelope.getOccurredAt())
                .build();
    }
}
