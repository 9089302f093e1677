package io.dharma.sandbox.fault;

import io.dharma.executor.ExecutorException;
import io.dharma.executor.Stack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * Decides, before each apply, whether the sandbox fails it. Starts from the configured faults and
 * can be replaced at run time (the API's {@code PUT /api/v1/sandbox/faults}), so tests and demos
 * inject faults without a restart. Held in memory: each sandbox instance has its own.
 * Thread-safe.
 */
public class FaultInjector {

    private final DoubleSupplier random;
    private volatile State state;

    public FaultInjector(Faults initial) {
        this(initial, () -> ThreadLocalRandom.current().nextDouble());
    }

    FaultInjector(Faults initial, DoubleSupplier random) {
        this.random = random;
        this.state = new State(initial);
    }

    /** Replaces every fault (transient counters start again from the new values). */
    public void set(Faults faults) {
        this.state = new State(faults);
    }

    /** The faults now in force; {@code transientFailures} holds what is left of each count. */
    public Faults current() {
        State now = state;
        Map<String, Integer> remaining = new java.util.TreeMap<>();
        now.remaining.forEach((name, left) -> remaining.put(name, left.get()));
        return new Faults(now.faults.failureRate(), now.faults.alwaysFail(), remaining);
    }

    /** Throws the failure the faults call for on this apply of {@code resourceName}, if any. */
    public void check(Stack stack, String resourceName) throws ExecutorException {
        State now = state;
        if (matches(now.faults.alwaysFail(), stack, resourceName)) {
            throw ExecutorException.permanentFailure(resourceName,
                    "sandbox fault: the provider refuses '" + resourceName + "' (always fails)");
        }
        for (Map.Entry<String, AtomicInteger> entry : now.remaining.entrySet()) {
            if (matches(List.of(entry.getKey()), stack, resourceName) && takeOne(entry.getValue())) {
                throw ExecutorException.transientFailure(resourceName, "sandbox fault: '" + resourceName
                        + "' failed transiently (" + entry.getValue().get() + " more failure(s) to come)");
            }
        }
        if (now.faults.failureRate() > 0 && random.getAsDouble() < now.faults.failureRate()) {
            throw ExecutorException.transientFailure(resourceName,
                    "sandbox fault: random transient failure (rate " + now.faults.failureRate() + ")");
        }
    }

    private static boolean takeOne(AtomicInteger remaining) {
        return remaining.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    private static boolean matches(List<String> names, Stack stack, String resourceName) {
        String qualified = stack.blueprintName() + "/" + resourceName;
        return names.contains(resourceName) || names.contains(qualified);
    }

    private static final class State {
        final Faults faults;
        final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();

        State(Faults faults) {
            this.faults = faults;
            faults.transientFailures().forEach((name, times) -> remaining.put(name, new AtomicInteger(times)));
        }
    }
}
