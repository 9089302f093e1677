package io.dharma.kafka.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import io.dharma.serde.SchemaRegistryException;

class FailureClassifierTest {

    static class PolicyRejected extends RuntimeException {
        PolicyRejected(String message) {
            super(message);
        }
    }

    final FailureClassifier classifier = new FailureClassifier(List.of(PolicyRejected.class));

    @Test
    void anUnprocessableEventIsNotRetriedEvenWhenWrappedOrCausedByATransientException() {
        Exception thrown = new ListenerExecutionFailedException("Listener failed",
                new UnprocessableEventException("no such resource type", new IllegalStateException("timeout")));

        Failure failure = classifier.classify(thrown);

        assertThat(failure.kind()).isEqualTo(FailureKind.UNPROCESSABLE);
        assertThat(failure.kind().retryable()).isFalse();
        assertThat(failure.reason(4)).isEqualTo("Unprocessable event: no such resource type");
    }

    @Test
    void aValidationExceptionAnywhereInTheCausesIsNotRetried() {
        Exception thrown = new ListenerExecutionFailedException("Listener failed",
                new RuntimeException("wrapped", new NumberFormatException("For input string: \"x\"")));

        Failure failure = classifier.classify(thrown);

        assertThat(failure.kind()).isEqualTo(FailureKind.NOT_RETRYABLE);
        assertThat(failure.reason(4)).isEqualTo("Not retryable, NumberFormatException: For input string: \"x\"");
    }

    @Test
    void configuredExceptionTypesAreNotRetried() {
        assertThat(classifier.classify(new PolicyRejected("no")).kind()).isEqualTo(FailureKind.NOT_RETRYABLE);
    }

    @Test
    void anythingElseIsTransient() {
        Failure failure = classifier.classify(new ListenerExecutionFailedException("Listener failed",
                new IllegalStateException("database unavailable")));

        assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(failure.kind().retryable()).isTrue();
        assertThat(failure.reason(4)).isEqualTo("Failed 4 times, last with IllegalStateException: database unavailable");
    }

    @Test
    void unreadableBytesAreNotRetried() {
        Failure unknownSchema = classifier.classify(deserialization(new SchemaRegistryException(404, 40403, "Schema 7 not found")));
        Failure notAvro = classifier.classify(new DeserializationException("failed", new byte[] {1}, false,
                new SerializationException("Unknown magic byte 116")));

        assertThat(unknownSchema.kind()).isEqualTo(FailureKind.DESERIALIZATION);
        assertThat(notAvro.kind()).isEqualTo(FailureKind.DESERIALIZATION);
        assertThat(notAvro.reason(4)).isEqualTo("Value cannot be deserialized, SerializationException: Unknown magic byte 116");
    }

    @Test
    void aRegistryThatCannotBeReachedMakesADeserializationFailureWaitForIt() {
        assertThat(classifier.classify(deserialization(new SchemaRegistryException(0, 0, "No schema registry reachable"))).kind())
                .isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(classifier.classify(deserialization(new SchemaRegistryException(503, 50301, "Unavailable"))).kind())
                .isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void aDatabaseThatRefusesOrDropsConnectionsIsAnOutageThatUsesNoAttempts() {
        List<Exception> outages = List.of(
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms"),
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLException("Connection to localhost:5432 refused", "08001")),
                new ListenerExecutionFailedException("Listener failed", new RuntimeException("jOOQ",
                        new SQLException("FATAL: terminating connection due to administrator command", "57P01"))),
                new SQLException("FATAL: sorry, too many clients already", "53300"));

        for (Exception outage : outages) {
            Failure failure = classifier.classify(outage);
            assertThat(failure.kind()).as("%s", outage).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(failure.kind().retryable()).isTrue();
            assertThat(failure.kind().usesAttempts()).isFalse();
        }
    }

    @Test
    void kafkaTimeoutsAndRefusedConnectionsAreOutages() {
        assertThat(classifier.classify(new KafkaException("Send failed", new TimeoutException("Expiring 1 record(s)"))).kind())
                .isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(classifier.classify(new IllegalStateException("policy store", new ConnectException("Connection refused"))).kind())
                .isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void failuresARecordCanCauseStillUseAttempts() {
        assertThat(classifier.classify(new SQLException("ERROR: canceling statement due to statement timeout", "57014")).kind())
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(classifier.classify(new SQLTimeoutException("statement timeout")).kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(classifier.classify(new SQLException("ERROR: duplicate key value", "23505")).kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.TRANSIENT.usesAttempts()).isTrue();
    }

    @Test
    void configuredExceptionTypesCanMeanAnOutage() {
        FailureClassifier configured = new FailureClassifier(List.of(), List.of(PolicyRejected.class));

        assertThat(configured.classify(new PolicyRejected("policy store down")).kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void longReasonsAreShortened() {
        String reason = classifier.classify(new IllegalStateException("x".repeat(2000))).reason(3);

        assertThat(reason).hasSize(500).endsWith("…");
    }

    private static DeserializationException deserialization(SchemaRegistryException registryFailure) {
        return new DeserializationException("failed to deserialize", new byte[] {0, 0, 0, 0, 7}, false,
                new SerializationException("Cannot fetch writer schema 7: " + registryFailure.getMessage(), registryFailure));
    }
}
