package io.dharma.operations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;

/**
 * A decoded value in Avro's own JSON encoding (the Avro specification's, which Avro's
 * JsonDecoder reads back): valid JSON for every schema, unions written as
 * {@code {"<branch type>": value}} so a payload's event type is visible, logical types as their
 * underlying Avro type (timestamps as epoch milliseconds, decimals as bytes).
 */
final class AvroJson {

    private AvroJson() {
    }

    static String of(GenericRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(record.getSchema(), out);
            new GenericDatumWriter<GenericRecord>(record.getSchema(), GenericData.get()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
