package io.dharma.orchestrator.worker;

/**
 * The worker gives up running a deployment for now, leaving it in its persisted state for the
 * next claim of its stack: the claim was lost, or recording progress failed (the database is
 * unreachable). Never a failure of the deployment itself, so executor calls pass it through.
 */
class RunAbandonedException extends RuntimeException {

    RunAbandonedException(String message, Throwable cause) {
        super(message, cause);
    }
}
