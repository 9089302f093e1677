package io.dharma.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.intake.api.IntakeApiError;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A valid blueprint whose BlueprintSubmitted would be larger than its topic accepts is refused at
 * submit with the figures, and nothing of it is stored. The topics' limit is lowered to its minimum
 * (128 KiB, so 64 KiB per event) to need only a modest document: it carries the document verbatim.
 */
@TestPropertySource(properties = "dharma.kafka.topics.max-message-bytes=131072")
class EventSizeLimitTest extends IntakeIntegrationTest {

    @Test
    void aBlueprintWhoseEventWouldExceedTheTopicsLimitIsRefusedAndNothingIsStored() {
        IntakeClient client = client("event-size");
        String document = TestBlueprints.bucket("too-big-app", "m") + "# " + "x".repeat(70_000) + "\n";

        IntakeClient.Response refused = client.submit(document, "application/yaml");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo(IntakeApiError.BLUEPRINT_EVENT_TOO_LARGE.code());
        assertThat(refused.json().path("limit").asInt()).isEqualTo(65_536);
        assertThat(refused.json().path("size").asInt()).isGreaterThan(70_000);
        assertThat(refused.text("detail")).contains(refused.json().path("size").asString(), "65536");
        assertThat(client.get("/api/v1/blueprints").json().path("items")).as("nothing stored").isEmpty();

        IntakeClient.Response accepted = client.submit(TestBlueprints.bucket("small-app", "m"), "application/yaml");
        assertThat(accepted.status()).isEqualTo(202);
    }
}
