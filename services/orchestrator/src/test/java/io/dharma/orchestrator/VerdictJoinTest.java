package io.dharma.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.events.BlockReason;
import io.dharma.events.BlockReasonKind;
import io.dharma.events.BudgetStatus;
import io.dharma.events.DeploymentApproved;
import io.dharma.events.DeploymentAwaitingApproval;
import io.dharma.events.DeploymentBlocked;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentRequested;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.orchestrator.support.Events;
import io.dharma.orchestrator.support.Inputs;
import io.dharma.orchestrator.support.TestBlueprints;
import io.dharma.testing.TopicProbe;
import io.dharma.topics.DharmaTopic;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Joining the submission and the three verdicts, in any order, with repeats, into one decision. */
class VerdictJoinTest extends OrchestratorIntegrationTest {

    @Test
    void decidesOnceAllFourAreInWhateverTheirOrder() {
        List<String> blueprintIds = new ArrayList<>();
        for (List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
            String blueprintId = newBlueprintId();
            blueprintIds.add(blueprintId);
            Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1,
                    TestBlueprints.small("join-order", "dev", "required", 0, false));
            SpecificRecord[] all = {v1.submitted(), inputs.iacGenerated(v1), inputs.warned(v1), inputs.withinBudget(v1)};
            inputs.publish(order.stream().map(i -> all[i]).toArray(SpecificRecord[]::new));
        }

        for (String blueprintId : blueprintIds) {
            List<DeploymentEvent> events = topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1),
                    DeploymentAwaitingApproval.class);
            assertThat(Events.kinds(events)).containsExactly("DeploymentRequested", "DeploymentPlanning", "DeploymentPlanned", "DeploymentAwaitingApproval");
            DeploymentAwaitingApproval awaiting = Events.only(events, DeploymentAwaitingApproval.class);
            assertThat(awaiting.getReason()).isEqualTo("blueprint requires approval");
            assertThat(awaiting.getEstimatedMonthly()).isEqualByComparingTo(new BigDecimal("123.45"));
            assertThat(awaiting.getWarningCount()).isEqualTo(2);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.getEnvelope().getTenantId()).isEqualTo(tenant);
                assertThat(event.getEnvelope().getBlueprintVersion()).isEqualTo(1);
                assertThat(event.getEnvelope().getProducer()).isEqualTo("orchestrator");
                assertThat(event.getEnvelope().getCausationId()).isNotNull();
            });
        }
    }

    @Test
    void repeatedInputsChangeNothing() throws Exception {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("join-dup", "prod", "auto", 0, false));
        var iac = inputs.iacGenerated(v1);
        var guardrails = inputs.passed(v1);
        var cost = inputs.withinBudget(v1);

        inputs.publish(v1.submitted(), iac, v1.submitted(), guardrails, iac, guardrails, cost);
        topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1), DeploymentAwaitingApproval.class);
        inputs.publish(cost, v1.submitted(), iac);   // after the decision, too
        awaitEverythingHandled(blueprintId);

        List<DeploymentEvent> events = topic.events(blueprintId);
        assertThat(Events.kinds(events)).containsExactly("DeploymentRequested", "DeploymentPlanning", "DeploymentPlanned", "DeploymentAwaitingApproval");
        assertThat(Events.only(events, DeploymentAwaitingApproval.class).getReason())
                .isEqualTo("prod environment requires approval");
        assertThat(db.fetchCount(io.dharma.orchestrator.db.Tables.RECEIVED_EVENT,
                io.dharma.orchestrator.db.Tables.RECEIVED_EVENT.BLUEPRINT_ID.eq(blueprintId))).isEqualTo(4);
    }

    @Test
    void blockedNamesEveryReason() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("join-blocked", "dev", "auto", 0, false));

        inputs.publish(inputs.blocked(v1, "storage.encryption"), inputs.cost(v1, BudgetStatus.OVER, "900"),
                inputs.iacFailed(v1, "no provider mapping for storage.bucket"), v1.submitted());

        List<DeploymentEvent> events = topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1), DeploymentBlocked.class);
        assertThat(Events.kinds(events)).containsExactly("DeploymentRequested", "DeploymentBlocked");
        List<BlockReason> reasons = Events.only(events, DeploymentBlocked.class).getReasons();
        assertThat(reasons).extracting(BlockReason::getKind).containsExactly(
                BlockReasonKind.IAC_GENERATION_FAILED, BlockReasonKind.GUARDRAILS, BlockReasonKind.OVER_BUDGET);
        assertThat(reasons.get(0).getMessage()).contains("no provider mapping for storage.bucket", "files: unsupported");
        assertThat(reasons.get(1).getPolicyId()).isEqualTo("storage.encryption");
        assertThat(reasons.get(2).getMessage()).isEqualTo("estimated monthly cost 900.0000 USD exceeds the budget of 500.0000 USD");
        assertThat(Events.only(events, DeploymentRequested.class).getIacContentHash()).isEmpty();
        assertThat(deployment(deploymentIdOf(blueprintId, 1)).status().name()).isEqualTo("BLOCKED");
    }

    @Test
    void aVersionBeyondTheTenantsDeploymentsQuotaIsBlocked() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(NO_ROOM_TENANT, blueprintId, 1,
                TestBlueprints.small("join-quota", "dev", "auto", 0, false));

        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));

        List<DeploymentEvent> events = topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1), DeploymentBlocked.class);
        assertThat(Events.kinds(events)).containsExactly("DeploymentRequested", "DeploymentBlocked");
        BlockReason reason = Events.only(events, DeploymentBlocked.class).getReasons().getFirst();
        assertThat(reason.getKind()).isEqualTo(BlockReasonKind.QUOTA_EXCEEDED);
        assertThat(reason.getMessage()).startsWith("quota.exceeded: tenant " + NO_ROOM_TENANT + " has 0 deployments under way")
                .contains("dharma.quotas.deployments = 0");
    }

    @Test
    void guardrailsBlockAlone() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("join-guard", "dev", "auto", 0, false));

        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.blocked(v1, "a.policy", "b.policy"), inputs.withinBudget(v1));

        List<DeploymentEvent> events = topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1), DeploymentBlocked.class);
        assertThat(Events.only(events, DeploymentBlocked.class).getReasons())
                .extracting(BlockReason::getKind, BlockReason::getPolicyId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BlockReasonKind.GUARDRAILS, "a.policy"),
                        org.assertj.core.groups.Tuple.tuple(BlockReasonKind.GUARDRAILS, "b.policy"));
    }

    @Test
    void autoApprovedVersionDeploys() {
        String blueprintId = newBlueprintId();
        Blueprint blueprint = TestBlueprints.small("join-auto", "dev", "auto", 2, false);
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, blueprint);

        inputs.publish(inputs.withinBudget(v1), inputs.passed(v1), v1.submitted(), inputs.iacGenerated(v1));

        String deploymentId = deploymentIdOf(blueprintId, 1);
        List<DeploymentEvent> events = topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);
        assertThat(Events.kinds(events).subList(0, 2)).containsExactly("DeploymentRequested", "DeploymentApproved");
        DeploymentApproved approved = Events.only(events, DeploymentApproved.class);
        assertThat(approved.getApprover()).isEqualTo("system");
        assertThat(approved.getComment()).startsWith("auto-approved");
        assertThat(Events.only(events, DeploymentRequested.class).getIacContentHash()).isEqualTo("sha256:" + "ab".repeat(32));
        assertThat(Events.only(events, DeploymentRequested.class).getExecutor()).isEqualTo("sandbox");
        assertThat(sandbox.names(tenant, blueprintId)).hasSize(4);
    }

    @Test
    void firstVerdictOfAKindCounts() throws Exception {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("join-first", "dev", "required", 0, false));

        inputs.publish(v1.submitted(), inputs.blocked(v1, "first.policy"));
        awaitEverythingHandled(blueprintId);
        // A second, different guardrails verdict for the same version (a re-run) is recorded but ignored.
        inputs.publish(inputs.passed(v1), inputs.iacGenerated(v1), inputs.withinBudget(v1));

        List<DeploymentEvent> events = topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1), DeploymentBlocked.class);
        assertThat(Events.only(events, DeploymentBlocked.class).getReasons())
                .extracting(BlockReason::getPolicyId).containsExactly("first.policy");
    }

    @Test
    void unprocessableInputsGoToTheDeadLetterTopic() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("join-dlt", "dev", "auto", 0, false));
        inputs.publish(v1.submitted());
        // Same blueprint id, another tenant: a blueprint belongs to one tenant only.
        Inputs.Version foreign = inputs.submitted("someone-else", blueprintId, 1, TestBlueprints.small("join-dlt", "dev", "auto", 0, false));
        inputs.publish(inputs.withinBudget(foreign));
        // A verdict under the wrong key.
        inputs.publishWithKey(DharmaTopic.GUARDRAILS, "not-" + blueprintId, inputs.passed(v1));

        List<ConsumerRecord<String, byte[]>> costs = deadLetters(DharmaTopic.COSTS, blueprintId);
        assertThat(header(costs.getFirst(), "dharma-dlt-reason")).contains("belongs to " + tenant);
        List<ConsumerRecord<String, byte[]>> guardrails = deadLetters(DharmaTopic.GUARDRAILS, "not-" + blueprintId);
        assertThat(header(guardrails.getFirst(), "dharma-dlt-reason")).contains("is not the event's blueprintId");
    }

    /** The dead letters of {@code topic} with {@code key}, once there is one. */
    private static List<ConsumerRecord<String, byte[]>> deadLetters(DharmaTopic<?> topic, String key) {
        return TopicProbe.onStack().awaitRaw(topic.deadLetterTopicName(),
                        records -> records.stream().anyMatch(record -> key.equals(record.key())), Duration.ofSeconds(30))
                .stream().filter(record -> key.equals(record.key())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<Integer>> result = new ArrayList<>();
        for (Integer first : items) {
            List<Integer> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<Integer> tail : permutations(rest)) {
                List<Integer> permutation = new ArrayList<>();
                permutation.add(first);
                permutation.addAll(tail);
                result.add(permutation);
            }
        }
        return result;
    }

}
