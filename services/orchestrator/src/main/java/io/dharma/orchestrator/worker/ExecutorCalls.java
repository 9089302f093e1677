package io.dharma.orchestrator.worker;

import io.dharma.executor.ExecutorException;
import io.dharma.kafka.lifecycle.RetrySettings;
import io.dharma.kafka.tracing.TraceHandover;
import java.util.function.IntSupplier;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Calls the executor, retrying transient {@link ExecutorException}s with exponential backoff
 * ({@code dharma.orchestrator.executor-retry.*}). The backoff waits are interruptible: stopping
 * the worker ends a call at once, leaving the deployment where it was for the next run to resume.
 * A call refused for a stale fencing token abandons the run ({@link RunAbandonedException}): the
 * stack was claimed by another worker, whose run the deployment now is.
 *
 * <p>Each call, retries included, is a span ({@value #CALL_OBSERVATION}, e.g. {@code sandbox plan})
 * naming the executor as its service ({@value TraceHandover#SERVICE} {@code dharma-sandbox}, as the
 * sandbox is named when it runs alone).
 */
final class ExecutorCalls {

    private static final Logger log = LoggerFactory.getLogger(ExecutorCalls.class);

    /** The observation (and span) of one executor call, retries included. */
    static final String CALL_OBSERVATION = "dharma.executor.call";

    private final RetrySettings retry;
    private final ObservationRegistry observations;

    ExecutorCalls(RetrySettings retry, ObservationRegistry observations) {
        this.retry = retry;
        this.observations = observations;
    }

    /** Which executor is called, and for what (plan, apply, ...): the span's name and attributes. */
    record Step(String executor, String operation) {
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws ExecutorException;
    }

    /** The call's result, or a failure when it cannot succeed. */
    <T> Outcome<T> call(Step step, String what, Call<T> call) throws InterruptedException {
        return call(step, what, call, () -> 0);
    }

    /**
     * As {@link #call(String, Call)}, for a call that makes progress step by step (an apply): a
     * transient failure after progress starts the retry budget afresh, so each step has the whole
     * budget, as if it were a call of its own.
     *
     * @param progress how far the call has got (steps done); read after each failure
     */
    <T> Outcome<T> call(Step step, String what, Call<T> call, IntSupplier progress) throws InterruptedException {
        return Observation.createNotStarted(CALL_OBSERVATION, observations)
                .contextualName(step.executor() + " " + step.operation())
                .lowCardinalityKeyValue(TraceHandover.SERVICE, "dharma-" + step.executor())
                .lowCardinalityKeyValue("dharma.executor", step.executor())
                .lowCardinalityKeyValue("dharma.executor.operation", step.operation())
                .observeChecked(() -> retried(what, call, progress));
    }

    private <T> Outcome<T> retried(String what, Call<T> call, IntSupplier progress) throws InterruptedException {
        BackOffExecution backOff = backOff().start();
        int progressAtStart = progress.getAsInt();
        for (int tries = 1; ; tries++) {
            try {
                return new Outcome<>(call.run(), null);
            } catch (ExecutorException e) {
                stopIfInterrupted();
                if (e.isFenced()) {
                    // Not the deployment's failure: another worker holds the stack now and runs it.
                    throw new RunAbandonedException(what + " was refused: " + e.getMessage(), e);
                }
                if (progress.getAsInt() != progressAtStart) {
                    progressAtStart = progress.getAsInt();
                    backOff = backOff().start();
                    tries = 1;
                }
                if (!e.isTransient()) {
                    return new Outcome<>(null, new ExecutorFailure(e.resourceName(), e.address(), e.getMessage(), tries));
                }
                long wait = backOff.nextBackOff();
                if (wait == BackOffExecution.STOP) {
                    return new Outcome<>(null, new ExecutorFailure(e.resourceName(), e.address(),
                            e.getMessage() + " (still failing after " + tries + " tries)", tries));
                }
                log.warn("{} failed transiently (try {} of {}), retrying in {} ms: {}", what, tries,
                        retry.maxAttempts(), wait, e.getMessage());
                Thread.sleep(wait);
            } catch (RunAbandonedException e) {
                throw e;
            } catch (RuntimeException e) {
                stopIfInterrupted();
                log.error("{} failed with an unexpected executor error", what, e);
                return new Outcome<>(null, new ExecutorFailure(null, null, "unexpected executor error: " + e, tries));
            }
        }
    }

    /** Either a value or a failure. */
    record Outcome<T>(T value, ExecutorFailure failure) {

        boolean failed() {
            return failure != null;
        }
    }

    private ExponentialBackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.maxAttempts() - 1L);   // retries after the first try
        return backOff;
    }

    // An executor interrupted by a stopping worker may report that as any failure; it is not one.
    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("worker stopping");
        }
    }
}
