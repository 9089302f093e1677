package io.dharma.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dharma.executor.ExecutorException;
import io.dharma.executor.Stack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private static final Stack STACK = new Stack("t", "b", "shop", "aws", "us-east-1");

    @Test
    void theFailureRateIsComparedWithARandomDraw() throws Exception {
        AtomicReference<Double> draw = new AtomicReference<>(0.29);
        FaultInjector injector = new FaultInjector(new Faults(0.3, List.of(), Map.of()), draw::get);

        assertThatThrownBy(() -> injector.check(STACK, "db"))
                .isInstanceOfSatisfying(ExecutorException.class, e -> assertThat(e.isTransient()).isTrue());
        draw.set(0.3);
        injector.check(STACK, "db");
    }

    @Test
    void settingFaultsAgainRearmsTransientCounts() throws Exception {
        FaultInjector injector = new FaultInjector(new Faults(0, List.of(), Map.of("shop/db", 1)), () -> 1.0);

        assertThatThrownBy(() -> injector.check(STACK, "db")).isInstanceOf(ExecutorException.class);
        injector.check(STACK, "db");
        assertThat(injector.current().transientFailures()).containsEntry("shop/db", 0);

        injector.set(new Faults(0, List.of(), Map.of("db", 1)));
        assertThatThrownBy(() -> injector.check(STACK, "db")).isInstanceOf(ExecutorException.class);
        injector.check(STACK, "cache");
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new Faults(-0.1, List.of(), Map.of())).hasMessageContaining("failureRate");
        assertThatThrownBy(() -> new Faults(0, List.of(" "), Map.of())).hasMessageContaining("blank");
        assertThatThrownBy(() -> new Faults(0, List.of(), Map.of("db", -2))).hasMessageContaining("db");
        assertThat(new Faults(0, null, null)).isEqualTo(Faults.NONE);
        java.util.Map<String, Integer> nullCount = new java.util.HashMap<>();
        nullCount.put("db", null);
        assertThatThrownBy(() -> new Faults(0, List.of(), nullCount))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("db");
        assertThatThrownBy(() -> new Faults(0, java.util.Arrays.asList((String) null), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }
}
