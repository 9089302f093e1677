package io.dharma.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dharma.executor.ActualResource;
import io.dharma.executor.ChangeAction;
import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import io.dharma.executor.ExecutorException;
import io.dharma.executor.Plan;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Apply is idempotent per (stack, resource name): what makes an interrupted deployment resumable. */
class IdempotentApplyTest extends SandboxIntegrationTest {

    private static final DesiredResource NETWORK = new DesiredResource("net", "network", Map.of("cidr", "10.5.0.0/16"), List.of());
    private static final DesiredResource SUBNET = new DesiredResource("app", "subnet",
            Map.of("network", "net", "cidr", "10.5.1.0/24", "public", false), List.of("net"));

    @Test
    void aCreateAppliedAgainAfterACrashReturnsTheSameResource() throws Exception {
        Stack stack = newStack("idem-crash", "crashy", "aws", "us-east-1");
        Plan plan = executor.plan(stack, new DesiredState(List.of(NETWORK, SUBNET)));

        ActualResource first = executor.apply(stack, plan.changes().get(0));
        // the orchestrator crashed before recording the result and applies the same change again
        ActualResource again = executor.apply(stack, plan.changes().get(0));

        assertThat(again).isEqualTo(first);
        assertThat(rows(stack, "net")).isEqualTo(1);
        assertThat(operations(stack, "net", "CREATE")).isEqualTo(1);
        // resuming by planning again continues with what is missing
        Plan resumed = executor.plan(stack, new DesiredState(List.of(NETWORK, SUBNET)));
        assertThat(resumed.changes()).extracting(PlannedChange::resourceName).containsExactly("app");
    }

    @Test
    void concurrentDuplicateCreatesMakeOneResource() throws Exception {
        Stack stack = newStack("idem-race", "racy", "azure", "westeurope");
        PlannedChange create = executor.plan(stack, new DesiredState(List.of(NETWORK))).changes().getFirst();
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ActualResource>> creates = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            creates.add(() -> {
                start.await();
                return executor.apply(stack, create);
            });
        }

        List<ActualResource> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            List<Future<ActualResource>> futures = creates.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<ActualResource> future : futures) {
                results.add(future.get());
            }
        }

        assertThat(results).hasSize(racers).allMatch(result -> result.equals(results.getFirst()));
        assertThat(rows(stack, "net")).isEqualTo(1);
        assertThat(operations(stack, "net", "CREATE")).isEqualTo(1);
    }

    @Test
    void anUpdateAppliedTwiceBumpsTheVersionOnce() throws Exception {
        Stack stack = newStack("idem-update", "updates", "gcp", "us-central1");
        deploy(stack, new DesiredState(List.of(NETWORK)));
        DesiredResource wider = new DesiredResource("net", "network", Map.of("cidr", "10.5.0.0/15"), List.of());
        PlannedChange update = executor.plan(stack, new DesiredState(List.of(wider))).changes().getFirst();
        assertThat(update.action()).isEqualTo(ChangeAction.UPDATE);
        assertThat(update.changedAttributes()).containsExactly("cidr");

        executor.apply(stack, update);
        ActualResource again = executor.apply(stack, update);

        assertThat(again.attributes()).containsEntry("cidr", "10.5.0.0/15");
        assertThat(operations(stack, "net", "UPDATE")).isEqualTo(1);
        assertThat(client("idem-update").get("/api/v1/sandbox/resources?blueprintId=" + stack.blueprintId())
                .json().path("items").get(0).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void deletingAMissingResourceIsANoOpReturningItsLastKnownState() throws Exception {
        Stack stack = newStack("idem-delete", "deletes", "aws", "eu-west-1");
        deploy(stack, new DesiredState(List.of(NETWORK)));
        PlannedChange delete = executor.planDestroy(stack, null).changes().getFirst();

        ActualResource deleted = executor.apply(stack, delete);
        ActualResource again = executor.apply(stack, delete);

        assertThat(deleted.providerId()).startsWith("arn:aws:ec2:eu-west-1:");
        assertThat(again).isEqualTo(deleted);
        assertThat(rows(stack, "net")).isZero();
        assertThat(operations(stack, "net", "DELETE")).isEqualTo(1);

        ActualResource never = executor.apply(stack, new PlannedChange(ChangeAction.DELETE, "never", "network", null, List.of()));
        assertThat(never.providerId()).isEmpty();
        assertThat(never.attributes()).isEmpty();
    }

    @Test
    void updatingAResourceThatIsGoneFailsPermanentlyAskingForANewPlan() throws Exception {
        Stack stack = newStack("idem-stale", "stale", "aws", "eu-west-1");
        DesiredResource wider = new DesiredResource("net", "network", Map.of("cidr", "10.5.0.0/15"), List.of());

        assertThatThrownBy(() -> executor.apply(stack, new PlannedChange(ChangeAction.UPDATE, "net", "network", wider, List.of("cidr"))))
                .isInstanceOfSatisfying(ExecutorException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.resourceName()).isEqualTo("net");
                    assertThat(e.getMessage()).contains("plan again");
                });
        assertThat(operations(stack, "net", "FAILED")).isEqualTo(1);
    }

    @Test
    void invalidDesiredStatesAreRefusedPermanently() throws Exception {
        Stack stack = newStack("idem-invalid", "invalid", "aws", "eu-west-1");
        DesiredResource badSize = new DesiredResource("vm", "compute.instance",
                Map.of("size", "gigantic", "image", "debian-12", "subnet", "app"), List.of());
        DesiredResource unknownType = new DesiredResource("q", "queue.kafka", Map.of(), List.of());
        DesiredResource cyclic = new DesiredResource("net", "network", Map.of(), List.of("app"));
        DesiredResource cyclicSubnet = new DesiredResource("app", "subnet", Map.of("network", "net", "cidr", "10.0.0.0/24"), List.of("net"));

        assertPermanent(() -> executor.plan(stack, new DesiredState(List.of(badSize))), "vm", "/size");
        assertPermanent(() -> executor.plan(stack, new DesiredState(List.of(unknownType))), "q", "queue.kafka");
        assertPermanent(() -> executor.plan(stack, new DesiredState(List.of(NETWORK, NETWORK))), "net", "twice");
        assertPermanent(() -> executor.plan(stack, new DesiredState(List.of(cyclic, cyclicSubnet))), null, "cycle");
        assertPermanent(() -> executor.plan(new Stack("t", "b", "n", "oracle", "x"), DesiredState.EMPTY), null, "oracle");
        assertPermanent(() -> executor.apply(stack, new PlannedChange(ChangeAction.CREATE, "vm", "compute.instance", badSize, List.of())),
                "vm", "/size");
        assertThat(rows(stack, "vm")).isZero();
    }

    private static void assertPermanent(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String resource, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ExecutorException.class, e -> {
            assertThat(e.isTransient()).isFalse();
            assertThat(e.resourceName()).isEqualTo(resource);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
