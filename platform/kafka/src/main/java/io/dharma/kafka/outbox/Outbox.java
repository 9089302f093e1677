package io.dharma.kafka.outbox;

import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.dharma.serde.AvroSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a service writes an event it must not lose: the record is encoded now (Confluent wire
 * format, schema id from the registry) and stored in {@code platform.outbox} in the caller's
 * database transaction, so it exists if and only if the change it reports was committed.
 * {@link OutboxRelay} publishes it afterwards, at least once and in the order written. The
 * transaction must be one of the application's {@code DataSource} bean (Spring's transaction
 * managers and jOOQ over it all qualify); outside a transaction the row commits at once.
 *
 * <pre>{@code
 * transactions.executeWithoutResult(status -> {
 *     keys.insert(key);
 *     outbox.append(DharmaTopicNames.SECURITY, tenant, event);
 * });
 * }</pre>
 */
public class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final AvroSerializer<SpecificRecord> serializer;
    private final OutboxSignal signal;

    public Outbox(DataSource dataSource, AvroSerializer<SpecificRecord> serializer, OutboxSignal signal) {
        this.db = JdbcClient.create(dataSource);
        this.serializer = serializer;
        this.signal = signal;
    }

    /** Stores {@code value} for {@code topic} under {@code key}, in the current transaction if there is one. */
    public void append(String topic, String key, SpecificRecord value) {
        append(topic, key, value, Map.of());
    }

    /** As {@link #append(String, String, SpecificRecord)}, with record headers (UTF-8 text values). */
    public void append(String topic, String key, SpecificRecord value, Map<String, String> headers) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
        byte[] encoded = serializer.serialize(topic, value);
        db.sql("""
                insert into platform.outbox (topic, record_key, record_value, headers)
                values (:topic, :key, :value, cast(:headers as jsonb))""")
                .param("topic", topic)
                .param("key", key)
                .param("value", encoded)
                .param("headers", JSON.writeValueAsString(headers))
                .update();
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wakeUp();
                }
            });
        } else {
            signal.wakeUp();
        }
    }
}
