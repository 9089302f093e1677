package io.dharma.guardrails.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.guardrails.GuardrailsFixture;
import io.dharma.guardrails.Submissions;
import io.dharma.kafka.processing.UnprocessableEventException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmittedBlueprintsTest {

    private static final BlueprintSubmitted EVENT =
            Submissions.submitted("acme", GuardrailsFixture.example("aws-web-app.yaml"));

    @Test
    void anEventGivesBackTheBlueprintItWasMadeFrom() {
        Blueprint blueprint = SubmittedBlueprints.blueprintOf(EVENT, ResourceCatalogue.v1());

        assertThat(blueprint).isEqualTo(GuardrailsFixture.example("aws-web-app.yaml"));
    }

    @Test
    void aResourceTypeTheCatalogueDoesNotKnowIsUnprocessable() {
        BlueprintSubmitted event = Submissions.withFirstResourceType(EVENT, "compute.quantum");

        assertThatThrownBy(() -> SubmittedBlueprints.blueprintOf(event, ResourceCatalogue.v1()))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessage("blueprint shop-web-dev cannot be evaluated: resource main has type 'compute.quantum', "
                        + "which resource catalogue v1 does not know");
    }

    @Test
    void propertiesThatAreNotAJsonObjectAreUnprocessable() {
        List<BlueprintResource> resources = new ArrayList<>(EVENT.getResources());
        resources.set(0, BlueprintResource.newBuilder(resources.getFirst()).setProperties("[1, 2]").build());
        BlueprintSubmitted event = BlueprintSubmitted.newBuilder(EVENT).setResources(resources).build();

        assertThatThrownBy(() -> SubmittedBlueprints.blueprintOf(event, ResourceCatalogue.v1()))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageStartingWith("blueprint shop-web-dev cannot be read: ");
    }
}
