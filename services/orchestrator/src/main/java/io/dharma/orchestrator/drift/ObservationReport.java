package io.dharma.orchestrator.drift;

import java.util.List;

/**
 * What one observation round did, stack by stack.
 *
 * @param stacks every deployed stack the round looked at, in deployment order
 */
public record ObservationReport(List<StackObservation> stacks) {

    public ObservationReport {
        stacks = List.copyOf(stacks);
    }

    public int stacksObserved() {
        return count(Outcome.OBSERVED);
    }

    public int stacksSkipped() {
        return count(Outcome.SKIPPED);
    }

    public int stacksFailed() {
        return count(Outcome.FAILED);
    }

    /** ResourceObserved events emitted. */
    public int resourcesObserved() {
        return stacks.stream().mapToInt(StackObservation::resources).sum();
    }

    private int count(Outcome outcome) {
        return (int) stacks.stream().filter(stack -> stack.outcome() == outcome).count();
    }

    public enum Outcome {
        /** Read and reported: one ResourceObserved per desired resource. */
        OBSERVED,
        /** Not read this round: a deployment of the stack is requested or running (or ran meanwhile). */
        SKIPPED,
        /** The provider or Kafka failed for this stack; logged, counted, tried again next round. */
        FAILED
    }

    /**
     * @param deploymentId the stack's latest succeeded deployment
     * @param resources ResourceObserved events emitted for the stack
     * @param detail why it was skipped or failed; null when observed
     */
    public record StackObservation(String blueprintId, String deploymentId, int blueprintVersion, Outcome outcome,
            int resources, String detail) {
    }
}
