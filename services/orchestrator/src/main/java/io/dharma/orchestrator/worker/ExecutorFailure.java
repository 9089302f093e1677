package io.dharma.orchestrator.worker;

/**
 * An executor call that will not succeed: a permanent {@code ExecutorException}, a transient one
 * still failing after every retry, or an unexpected error of the executor.
 *
 * @param resourceName the blueprint resource the failure is about, null when it is about the whole stack
 * @param address the resource address the failure is about, when the executor named one
 * @param tries how many times the call was made
 */
record ExecutorFailure(String resourceName, String address, String message, int tries) {
}
