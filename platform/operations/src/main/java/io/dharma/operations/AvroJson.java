package io.dharma.operations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
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

    /**
     * Building a JsonEncoder generates a grammar from the schema, and pointing one at a new stream
     * builds a new Jackson factory; both cost more than encoding the record itself (most of a
     * replay's time). So one encoder per schema and thread writes every record of that schema into
     * its own buffer, which is taken and emptied after each record. Avro supports a sequence of
     * datums through one encoder (its {@code tojson} tool does that); Jackson separates root values
     * with whitespace, which is stripped.
     */
    private static final ThreadLocal<Map<Schema, Writer>> WRITERS = ThreadLocal.withInitial(HashMap::new);
    private static final int MAX_SCHEMAS_PER_THREAD = 256;

    private record Writer(ByteArrayOutputStream buffer, JsonEncoder encoder, GenericDatumWriter<GenericRecord> datumWriter) {

        static Writer of(Schema schema) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try {
                return new Writer(buffer, EncoderFactory.get().jsonEncoder(schema, buffer),
                        new GenericDatumWriter<>(schema, GenericData.get()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String write(GenericRecord record) throws IOException {
            buffer.reset();
            datumWriter.write(record, encoder);
            encoder.flush();
            return buffer.toString(StandardCharsets.UTF_8).stripLeading();
        }
    }

    private AvroJson() {
    }

    static String of(GenericRecord record) {
        Map<Schema, Writer> writers = WRITERS.get();
        if (writers.size() >= MAX_SCHEMAS_PER_THREAD) {
            writers.clear();
        }
        Writer writer = writers.computeIfAbsent(record.getSchema(), Writer::of);
        try {
            return writer.write(record);
        } catch (IOException | RuntimeException e) {
            // The encoder's grammar stopped mid-record: never reuse it.
            writers.remove(record.getSchema());
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }
}
