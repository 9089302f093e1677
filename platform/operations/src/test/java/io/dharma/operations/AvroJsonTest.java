package io.dharma.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

    private static final Schema EVENT = SchemaBuilder.record("Event").namespace("test").fields()
            .requiredString("id")
            .name("payload").type().unionOf().nullType().and().record("Changed").fields()
                    .requiredLong("at").name("tags").type().array().items().stringType().noDefault()
                    .endRecord().endUnion().noDefault()
            .endRecord();

    @Test
    void eachRecordIsEncodedAsAFreshEncoderWouldInWhateverOrder() throws Exception {
        GenericRecord withPayload = new GenericRecordBuilder(EVENT).set("id", "a").set("payload",
                new GenericRecordBuilder(EVENT.getField("payload").schema().getTypes().get(1))
                        .set("at", 42L).set("tags", java.util.List.of("x", "y")).build()).build();
        GenericRecord withoutPayload = new GenericRecordBuilder(EVENT).set("id", "b").set("payload", null).build();

        for (GenericRecord record : java.util.List.of(withPayload, withoutPayload, withPayload, withPayload, withoutPayload)) {
            assertThat(AvroJson.of(record)).isEqualTo(freshlyEncoded(record));
        }
        assertThat(AvroJson.of(withoutPayload)).isEqualTo("{\"id\":\"b\",\"payload\":null}");
    }

    @Test
    void aRecordThatFailsHalfWayDoesNotSpoilTheNext() throws Exception {
        GenericRecord broken = new GenericData.Record(EVENT);
        broken.put("id", "c");
        broken.put("payload", "not a Changed record");
        GenericRecord fine = new GenericRecordBuilder(EVENT).set("id", "d").set("payload", null).build();

        assertThatThrownBy(() -> AvroJson.of(broken)).isInstanceOf(RuntimeException.class);
        assertThat(AvroJson.of(fine)).isEqualTo(freshlyEncoded(fine));
    }

    private static String freshlyEncoded(GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(record.getSchema(), out);
        new GenericDatumWriter<GenericRecord>(record.getSchema(), GenericData.get()).write(record, encoder);
        encoder.flush();
        return out.toString(StandardCharsets.UTF_8);
    }
}
