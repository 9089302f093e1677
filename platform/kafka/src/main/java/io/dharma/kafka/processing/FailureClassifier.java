package io.dharma.kafka.processing;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.errors.RetriableException;

import org.springframework.core.convert.ConversionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.TimestampedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.util.ClassUtils;

import io.dharma.serde.SchemaRegistryException;

/**
 * Decides whether and how a failed record is retried. The exception and its causes are searched,
 * so a wrapped {@code IllegalArgumentException} or {@code SQLTransientConnectionException} counts.
 *
 * <ul>
 *   <li>{@link UnprocessableEventException}: never retried.</li>
 *   <li>A dependency that does not answer ({@link FailureKind#UNAVAILABLE}): retried for as long as
 *       the outage lasts, without using up the record's attempts. A record cannot cause these:
 *       PostgreSQL refusing or dropping connections (JDBC's transient and connection exception types,
 *       SQLState classes 08 and 53, 57P01–57P03, the pool's timeout, Spring's resource-failure
 *       exceptions), the schema registry unreachable or answering 5xx, Kafka's retriable errors
 *       (timeouts, no leader, not enough replicas), refused or timed-out connections, and the types
 *       in {@code dharma.kafka.processing.unavailable-exceptions}. A statement timeout is not among
 *       them: a record can make a query slow.</li>
 *   <li>Unreadable values and validation-type exceptions: not retried.</li>
 *   <li>Everything else: transient, retried until its attempts are used up.</li>
 * </ul>
 */
public final class FailureClassifier {

    private static final String JAKARTA_VALIDATION = "jakarta.validation.ValidationException";

    /** SQLState classes and codes of a server that refuses, drops or cannot take connections. */
    private static final Set<String> UNAVAILABLE_SQL_STATE_CLASSES = Set.of("08", "53");
    private static final Set<String> UNAVAILABLE_SQL_STATES = Set.of("57P01", "57P02", "57P03");

    private final List<Class<? extends Throwable>> notRetryable;
    private final List<Class<? extends Throwable>> unavailable;

    /** @param extraNotRetryable further exception types that are never retried */
    public FailureClassifier(Collection<Class<? extends Throwable>> extraNotRetryable) {
        this(extraNotRetryable, List.of());
    }

    /**
     * @param extraNotRetryable further exception types that are never retried
     * @param extraUnavailable  further exception types that mean a dependency is unavailable
     */
    public FailureClassifier(Collection<Class<? extends Throwable>> extraNotRetryable,
                             Collection<Class<? extends Throwable>> extraUnavailable) {
        this.unavailable = List.copyOf(extraUnavailable);
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
        Optional<Throwable> outage = unavailableCause(failure);
        if (outage.isPresent()) {
            return new Failure(FailureKind.UNAVAILABLE, outage.get());
        }
        Optional<DeserializationException> deserialization = find(failure, DeserializationException.class);
        if (deserialization.isPresent()) {
            Throwable explanation = deserialization.get().getCause() != null ? deserialization.get().getCause() : deserialization.get();
            return new Failure(FailureKind.DESERIALIZATION, explanation);
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

    /** The cause that shows a dependency did not answer, if any. */
    private Optional<Throwable> unavailableCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isUnavailable(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    private boolean isUnavailable(Throwable cause) {
        return switch (cause) {
            case SQLTimeoutException statementTimeout -> false;
            case SQLTransientException transientFailure -> true;
            case SQLRecoverableException connectionLost -> true;
            case SQLNonTransientConnectionException refused -> true;
            case SQLException sql -> sql.getSQLState() != null && sql.getSQLState().length() == 5
                    && (UNAVAILABLE_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))
                        || UNAVAILABLE_SQL_STATES.contains(sql.getSQLState()));
            case DataAccessResourceFailureException resourceFailure -> true;
            case TransientDataAccessResourceException resourceFailure -> true;
            case RecoverableDataAccessException recoverable -> true;
            case SchemaRegistryException registry -> registry.httpStatus() == 0 || registry.httpStatus() >= 500;
            case RetriableException kafka -> true;
            case ConnectException refused -> true;
            case NoRouteToHostException noRoute -> true;
            case SocketTimeoutException timeout -> true;
            case HttpTimeoutException timeout -> true;
            default -> unavailable.stream().anyMatch(type -> type.isInstance(cause));
        };
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
