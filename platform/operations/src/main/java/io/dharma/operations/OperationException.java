package io.dharma.operations;

/** An operation that cannot be done, with a message written for the operator who asked for it. */
public class OperationException extends RuntimeException {

    public OperationException(String message) {
        super(message);
    }

    public OperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
