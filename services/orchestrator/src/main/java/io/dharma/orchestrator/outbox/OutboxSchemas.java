package io.dharma.orchestrator.outbox;

import static io.dharma.orchestrator.db.Tables.OUTBOX_SCHEMA;

import io.dharma.events.DeploymentEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.jooq.DSLContext;

/**
 * Outbox payloads are Avro single-object encoding: the writer schema's 64-bit fingerprint, then
 * the binary record. Every writer schema is kept in {@code outbox_schema}, so events written by
 * an older release are still decoded (and resolved to the current schema) after an upgrade.
 */
public final class OutboxSchemas implements SchemaStore {

    private final DSLContext db;
    private final Map<Long, Schema> cache = new ConcurrentHashMap<>();
    private final BinaryMessageDecoder<DeploymentEvent> decoder;

    public OutboxSchemas(DSLContext db) {
        this.db = db;
        this.decoder = DeploymentEvent.createDecoder(this);
    }

    /** Records the running release's writer schema; idempotent, run at start-up. */
    public void registerCurrentSchema() {
        Schema schema = DeploymentEvent.getClassSchema();
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        db.insertInto(OUTBOX_SCHEMA)
                .set(OUTBOX_SCHEMA.FINGERPRINT, fingerprint)
                .set(OUTBOX_SCHEMA.SCHEMA_JSON, schema.toString())
                .onConflictDoNothing()
                .execute();
        cache.put(fingerprint, schema);
    }

    static byte[] encode(DeploymentEvent event) {
        try {
            ByteBuffer buffer = event.toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode deployment event " + event.getEnvelope().getEventId(), e);
        }
    }

    DeploymentEvent decode(byte[] payload) {
        try {
            return decoder.decode(payload);
        } catch (IOException e) {
            throw new IllegalStateException("cannot decode an outbox payload", e);
        }
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return cache.computeIfAbsent(fingerprint, key -> db.select(OUTBOX_SCHEMA.SCHEMA_JSON)
                .from(OUTBOX_SCHEMA)
                .where(OUTBOX_SCHEMA.FINGERPRINT.eq(key))
                .fetchOptional(row -> new Schema.Parser().parse(row.value1()))
                .orElse(null));
    }
}
