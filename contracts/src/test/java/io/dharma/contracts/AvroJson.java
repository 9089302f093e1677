package io.dharma.contracts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Avro's JSON encoding (the one {@code avro-tools fromjson/tojson} use) for generated classes. */
final class AvroJson {

    private AvroJson() {
    }

    /** Reads Avro JSON into the generated class; fails on anything the schema does not allow. */
    static <T extends SpecificRecord> T decode(String json, Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        try {
            return new SpecificDatumReader<T>(schema, schema, model)
                    .read(null, DecoderFactory.get().jsonDecoder(schema, json));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a valid " + schema.getFullName() + " in Avro JSON: " + e, e);
        }
    }

    static String encode(SpecificRecord record) {
        Schema schema = record.getSchema();
        SpecificData model = SpecificData.getForClass(record.getClass());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
            new SpecificDatumWriter<SpecificRecord>(schema, model).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
