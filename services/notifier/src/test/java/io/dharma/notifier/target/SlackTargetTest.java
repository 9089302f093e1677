package io.dharma.notifier.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.notifier.events.CloudEvents;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlackTargetTest {

    @Test
    void anApprovalReadsWhatWhichBlueprintWhereWhyAndHowToApprove() {
        String event = CloudEvents.of(UUID.randomUUID(), "/dharma/orchestrator", "io.dharma.deployment.approval-needed",
                "bp-1", Instant.parse("2026-12-07T10:00:00Z"), Map.of(
                        "summary", "Approval needed to deploy shop-api (prod)",
                        "blueprintId", "bp-1", "blueprintName", "shop-api", "environment", "prod",
                        "reason", "prod deployments need an approver",
                        "approveCommand", "dharma approve d-1", "rejectCommand", "dharma reject d-1",
                        "links", Map.of("deployment", "http://localhost:8080/api/v1/deployments/d-1")));

        String message = SlackTarget.message(event);

        assertThat(message).contains("\"text\":\"Approval needed to deploy shop-api (prod)\"")
                .contains("\"type\":\"header\"").contains("shop-api").contains("*Environment*\\nprod")
                .contains("prod deployments need an approver").contains("`dharma approve d-1`")
                .contains("<http://localhost:8080/api/v1/deployments/d-1|deployment>");
    }
}
