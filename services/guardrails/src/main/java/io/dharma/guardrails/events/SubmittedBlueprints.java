package io.dharma.guardrails.events;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.kafka.processing.UnprocessableEventException;

/**
 * The blueprint of a {@code BlueprintSubmitted} event, read with the shared
 * {@link BlueprintEvents} mapping. Intake validated the version before publishing it, so an event
 * this service cannot evaluate (a resource type from a newer catalogue, properties that are not a
 * JSON object) will not improve with retries: it is unprocessable and goes to the dead-letter
 * topic with the reason.
 */
final class SubmittedBlueprints {

    private SubmittedBlueprints() {
    }

    static Blueprint blueprintOf(BlueprintSubmitted event, ResourceCatalogue catalogue) {
        for (BlueprintResource resource : event.getResources()) {
            if (catalogue.find(resource.getType()).isEmpty()) {
                throw new UnprocessableEventException("blueprint " + event.getName() + " cannot be evaluated: resource "
                        + resource.getName() + " has type '" + resource.getType() + "', which resource catalogue "
                        + catalogue.version() + " does not know");
            }
        }
        try {
            return BlueprintEvents.blueprintOf(event);
        } catch (RuntimeException e) {
            // parsing is deterministic: whatever failed here fails again on every retry
            throw new UnprocessableEventException("blueprint " + event.getName() + " cannot be read: " + e, e);
        }
    }
}
