package io.dharma.orchestrator;

import static io.dharma.orchestrator.db.Tables.BLUEPRINT;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.orchestrator.support.Events;
import io.dharma.orchestrator.support.Inputs;
import io.dharma.orchestrator.support.TestBlueprints;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Executor calls carry the stack claim's fencing token: each claim of a stack raises it, the
 * executor (the sandbox, with its own record of the highest token seen) gets it, and a claim whose
 * calls the executor refuses as stale gives the deployment up to the next claim instead of failing it.
 */
class StackFencingTest extends OrchestratorIntegrationTest {

    @Test
    void eachClaimOfAStackPassesAHigherTokenToTheExecutor() {
        String blueprintId = newBlueprintId();
        deploy(inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("fenced", "dev", "auto", 0, false)));
        long first = orchestratorToken(blueprintId);

        deploy(inputs.submitted(tenant, blueprintId, 2, TestBlueprints.small("fenced", "dev", "auto", 0, true)));
        long second = orchestratorToken(blueprintId);

        assertThat(first).isPositive();
        assertThat(second).isGreaterThan(first);
        // A worker may claim the stack once more after a deployment ended (it read the candidate
        // before another worker finished it): that claim raises the token and calls no executor.
        assertThat(executorsHighestToken(blueprintId)).as("the sandbox saw a token of version 2's claim")
                .isGreaterThan(first).isLessThanOrEqualTo(second);
    }

    @Test
    void aClaimWhoseTokenTheExecutorRefusesLeavesTheDeploymentToTheNextClaimWithoutFailingIt() {
        String blueprintId = newBlueprintId();
        deploy(inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("stale", "dev", "auto", 0, false)));
        // A newer claim (as if from another worker) reached the executor with a token three ahead.
        long newer = orchestratorToken(blueprintId) + 3;
        db.execute("update sandbox.stack_fence set highest_token = ? where tenant_id = ? and blueprint_id = ?",
                newer, tenant, blueprintId);

        List<DeploymentEvent> events = deploy(inputs.submitted(tenant, blueprintId, 2,
                TestBlueprints.small("stale", "dev", "auto", 0, true)));

        assertThat(Events.kinds(events, deploymentIdOf(blueprintId, 2))).doesNotContain("DeploymentFailed")
                .contains("DeploymentSucceeded");
        assertThat(orchestratorToken(blueprintId)).as("claims refused twice, then one at the newer token")
                .isGreaterThanOrEqualTo(newer);
        assertThat(executorsHighestToken(blueprintId)).isBetween(newer, orchestratorToken(blueprintId));
    }

    private List<DeploymentEvent> deploy(Inputs.Version version) {
        inputs.publish(version.submitted(), inputs.iacGenerated(version), inputs.passed(version), inputs.withinBudget(version));
        return topic.awaitKind(version.blueprintId(), deploymentIdOf(version.blueprintId(), version.version()),
                DeploymentSucceeded.class);
    }

    private long orchestratorToken(String blueprintId) {
        return db.select(BLUEPRINT.FENCING_TOKEN).from(BLUEPRINT).where(BLUEPRINT.BLUEPRINT_ID.eq(blueprintId))
                .fetchSingle(BLUEPRINT.FENCING_TOKEN);
    }

    private long executorsHighestToken(String blueprintId) {
        return db.fetchSingle("select highest_token from sandbox.stack_fence where tenant_id = ? and blueprint_id = ?",
                tenant, blueprintId).get(0, Long.class);
    }
}
