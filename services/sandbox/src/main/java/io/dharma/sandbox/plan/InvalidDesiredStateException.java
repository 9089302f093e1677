package io.dharma.sandbox.plan;

/** A desired state no plan can satisfy: a name used twice, a dependency cycle. */
public class InvalidDesiredStateException extends RuntimeException {

    private final String resourceName;

    public InvalidDesiredStateException(String resourceName, String message) {
        super(message);
        this.resourceName = resourceName;
    }

    /** The resource at fault, or null when it is about the whole state. */
    public String resourceName() {
        return resourceName;
    }
}
