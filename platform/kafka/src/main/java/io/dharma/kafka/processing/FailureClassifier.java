package io.dharma.kafka.processing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.core.convert.ConversionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.TimestampedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.util.ClassUtils;

import io.dharma.serde.SchemaRegistryException;

/**
 * Decides whether a failed record is retried: {@link UnprocessableEventException}, unreadable
 * values and validation-type exceptions are not; everything else is treated as transient. The
 * exception and its causes are searched, so a wrapped {@code IllegalArgumentException} counts.
 *
 * <p>One exception to "unreadable values are not retried": when the schema registry could not be
 * reached (no answer or a 5xx), the bytes may be fine, so the failure is transient.
 */
public final class FailureClassifier {

    private static final String JAKARTA_VALIDATION = "jakarta.validation.ValidationException";

    private final List<Class<? extends Throwable>> notRetryable;

    /** @param extraNotRetryable further exception types that are never retried */
    public FailureClassifier(Collection<Class<? extends Throwable>> extraNotRetryable) {
        List<Class<? extends Throwable>> types = new ArrayList<>(List.of(
                IllegalArgumentException.class,
                ClassCastException.class,
                NoSuchMethodException.class,
                ConversionException.class,
                MessageConversionException.class,
                MethodArgumentResolutionException.class));
        if (ClassUtils.isPresent(JAKARTA_VALIDATION, FailureClassifier.class.getClassLoader())) {
            types.add(ClassUtils.resolveClassName(JAKARTA_VALIDATION, FailureClassifier.class.getClassLoader())
                    .asSubclass(Throwable.class));
        }
        types.addAll(extraNotRetryable);
        this.notRetryable = List.copyOf(types);
    }

    public Failure classify(Throwable exception) {
        Throwable failure = unwrap(exception);
        Optional<UnprocessableEventException> unprocessable = find(failure, UnprocessableEventException.class);
        if (unprocessable.isPresent()) {
            return new Failure(FailureKind.UNPROCESSABLE, unprocessable.get());
        }
        Optional<DeserializationException> deserialization = find(failure, DeserializationException.class);
        if (deserialization.isPresent()) {
            Throwable explanation = deserialization.get().getCause() != null ? deserialization.get().getCause() : deserialization.get();
            boolean registryUnavailable = find(failure, SchemaRegistryException.class)
                    .filter(e -> e.httpStatus() == 0 || e.httpStatus() >= 500)
                    .isPresent();
            return new Failure(registryUnavailable ? FailureKind.TRANSIENT : FailureKind.DESERIALIZATION, explanation);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> type : notRetryable) {
                if (type.isInstance(cause)) {
                    return new Failure(FailureKind.NOT_RETRYABLE, cause);
                }
            }
        }
        return new Failure(FailureKind.TRANSIENT, failure);
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while ((current instanceof ListenerExecutionFailedException || current instanceof TimestampedException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static <T extends Throwable> Optional<T> find(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
