package io.dharma.kafka.processing;

import java.util.function.Supplier;

import io.dharma.events.Envelope;

/**
 * Thrown by a listener for an event it can never process, however often it is retried: the
 * record goes to the dead-letter topic at once, with this message as the reason. Throw it for
 * input that is valid Avro but makes no sense to the service (an unknown catalogue type, a
 * reference to a missing resource). Anything else a listener throws is retried first.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Runs a step that is pure in the event (pricing, generating Terraform): if it fails once it
     * fails on every retry, so its failure makes the event unprocessable at once.
     *
     * @param failure what a failure means for the event's blueprint version, e.g. "cannot be priced"
     */
    public static <T> T onFailureOf(Envelope event, String failure, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw new UnprocessableEventException("blueprint " + event.getBlueprintId() + " version "
                    + event.getBlueprintVersion() + " " + failure + ": " + e, e);
        }
    }
}
