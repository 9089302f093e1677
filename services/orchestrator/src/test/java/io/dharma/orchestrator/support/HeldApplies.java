package io.dharma.orchestrator.support;

import io.dharma.executor.ExecutorException;
import io.dharma.executor.Stack;
import io.dharma.sandbox.fault.FaultInjector;
import io.dharma.sandbox.fault.Faults;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The sandbox's fault injector with one more power for tests: it can hold the applies of one
 * resource until the test releases them. A deployment held that way is running for as long as the
 * test needs, however loaded the machine is, where a stall made of retries lasts only so many
 * milliseconds. It also keeps the logging context (MDC) each apply ran in.
 */
public final class HeldApplies extends FaultInjector {

    /** How long a held apply waits at most, so that a test that forgets to release cannot hang the worker. */
    private static final long MAX_HOLD_SECONDS = 60;

    private volatile Hold hold;
    private final Map<String, Map<String, String>> loggingContexts = new ConcurrentHashMap<>();

    HeldApplies() {
        super(Faults.NONE);
    }

    /** Holds every apply of {@code blueprintName/resourceName} until {@link #release()}. */
    public void hold(String blueprintName, String resourceName) {
        hold = new Hold(blueprintName, resourceName, new CountDownLatch(1));
    }

    /** Lets the held applies go on, and every later one. */
    public void release() {
        Hold held = hold;
        hold = null;
        if (held != null) {
            held.released().countDown();
        }
    }

    /** The logging context the last apply of {@code blueprintName/resourceName} ran in; empty if none ran. */
    public Map<String, String> loggingContextOf(String blueprintName, String resourceName) {
        return loggingContexts.getOrDefault(blueprintName + "/" + resourceName, Map.of());
    }

    @Override
    public void check(Stack stack, String resourceName) throws ExecutorException {
        loggingContexts.put(stack.blueprintName() + "/" + resourceName,
                Optional.ofNullable(MDC.getCopyOfContextMap()).orElse(Map.of()));
        Hold held = hold;
        if (held != null && held.blueprintName().equals(stack.blueprintName()) && held.resourceName().equals(resourceName)) {
            try {
                held.released().await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.check(stack, resourceName);
    }

    private record Hold(String blueprintName, String resourceName, CountDownLatch released) {
    }

    /** Puts {@link HeldApplies} in place of the sandbox's own injector. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        HeldApplies heldApplies() {
            return new HeldApplies();
        }
    }
}
