package io.dharma.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dharma.executor.ActualResource;
import io.dharma.executor.ChangeListener;
import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import io.dharma.executor.ExecutorException;
import io.dharma.executor.Plan;
import io.dharma.executor.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calls are fenced by the claim's token: once a call with a higher token reached a stack, a plan or
 * change with a lower one is refused (fenced, not transient) and changes nothing.
 */
class FencingTokenTest extends SandboxIntegrationTest {

    private static final DesiredResource NETWORK = new DesiredResource("net", "network", Map.of("cidr", "10.6.0.0/16"), List.of());
    private static final DesiredResource SUBNET = new DesiredResource("app", "subnet",
            Map.of("network", "net", "cidr", "10.6.1.0/24", "public", false), List.of("net"));

    @Test
    void aChangeOfAClaimThatLostTheStackIsRefusedAndChangesNothing() throws Exception {
        Stack stack = newStack("fence-change", "fenced", "aws", "us-east-1");
        Stack first = stack.fencedBy(1);
        Stack second = stack.fencedBy(2);
        Plan plan = executor.plan(first, new DesiredState(List.of(NETWORK, SUBNET)));
        executor.apply(first, plan.changes().getFirst());

        executor.plan(second, new DesiredState(List.of(NETWORK, SUBNET)));
        ExecutorException refused = catchThrowableOfType(ExecutorException.class,
                () -> executor.apply(first, plan.changes().get(1)));

        assertThat(refused.isFenced()).isTrue();
        assertThat(refused.isTransient()).isFalse();
        assertThat(refused.getMessage()).contains("fencing token 2", "token 1 is stale");
        assertThat(executor.readActualState(stack)).extracting(ActualResource::name).containsExactly("net");
    }

    @Test
    void aPlanOfAClaimThatLostTheStackIsRefused() throws Exception {
        Stack stack = newStack("fence-plan", "fenced", "gcp", "us-central1");
        executor.plan(stack.fencedBy(5), new DesiredState(List.of(NETWORK)));

        ExecutorException refused = catchThrowableOfType(ExecutorException.class,
                () -> executor.plan(stack.fencedBy(4), new DesiredState(List.of(NETWORK))));

        assertThat(refused.isFenced()).isTrue();
        assertThat(executor.plan(stack.fencedBy(5), new DesiredState(List.of(NETWORK))).changes()).hasSize(1);
        assertThat(executor.plan(stack.fencedBy(6), new DesiredState(List.of(NETWORK))).changes()).hasSize(1);
    }

    @Test
    void anApplyStopsAtTheFirstChangeAfterANewerClaimArrived() throws Exception {
        Stack stack = newStack("fence-apply", "fenced", "azure", "westeurope");
        Stack old = stack.fencedBy(7);
        Plan plan = executor.plan(old, new DesiredState(List.of(NETWORK, SUBNET)));
        List<String> applied = new ArrayList<>();
        ChangeListener takenOverAfterTheFirst = (change, result) -> {
            applied.add(change.resourceName());
            try {
                executor.plan(stack.fencedBy(8), new DesiredState(List.of(NETWORK, SUBNET)));
            } catch (ExecutorException e) {
                throw new IllegalStateException(e);
            }
        };

        ExecutorException refused = catchThrowableOfType(ExecutorException.class,
                () -> executor.apply(old, plan, takenOverAfterTheFirst));

        assertThat(refused.isFenced()).isTrue();
        assertThat(applied).containsExactly("net");
        assertThat(executor.readActualState(stack)).hasSize(1);
    }

    @Test
    void callsUnderNoClaimAreNotFenced() throws Exception {
        Stack stack = newStack("fence-none", "unfenced", "aws", "us-east-1");
        executor.plan(stack.fencedBy(3), new DesiredState(List.of(NETWORK)));

        assertThat(executor.plan(stack, new DesiredState(List.of(NETWORK))).changes()).hasSize(1);
    }
}
