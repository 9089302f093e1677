package io.dharma.generator.mapping;

/**
 * A resource that cannot be expressed on the blueprint's cloud as written (for example Redis 7
 * on Azure). The message says what is wrong and how to fix it; it reaches the user.
 */
public final class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }
}
