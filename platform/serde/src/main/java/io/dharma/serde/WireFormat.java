package io.dharma.serde;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the
 * Avro binary encoding of the datum.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The five header bytes for a schema id. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /** The schema id of a framed payload; fails clearly on data not in this format. */
    public static int schemaId(byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException(
                    "Payload of %d bytes is too short for the Confluent wire format".formatted(payload.length));
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte %d: not Confluent wire format".formatted(payload[0]));
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }
}
