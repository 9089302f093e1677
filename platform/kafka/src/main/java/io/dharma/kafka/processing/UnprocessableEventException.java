package io.dharma.kafka.processing;

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
}
