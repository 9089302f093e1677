package io.dharma.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.dharma.events.BlockReason;
import io.dharma.events.BlockReasonKind;
import io.dharma.events.DeploymentBlocked;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.Envelope;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** SUPERSEDED is a kind of its own; a consumer still on the released schema reads it as OTHER, the enum's default. */
class SupersededKindTest {

    @Test
    void aReaderOfTheReleasedSchemaReadsSupersededAsOther() throws IOException {
        DeploymentEvent event = DeploymentEvent.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID())
                        .setOccurredAt(java.time.Instant.parse("2026-12-07T00:00:00Z")).setTenantId("t").setTrackingId("trk")
                        .setBlueprintId("bp").setBlueprintVersion(1).setCausationId(null).setProducer("orchestrator").build())
                .setDeploymentId("dep")
                .setPayload(DeploymentBlocked.newBuilder().setReasons(List.of(BlockReason.newBuilder()
                        .setKind(BlockReasonKind.SUPERSEDED).setMessage("superseded: version 2 is newer").setPolicyId(null)
                        .build())).build())
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(DeploymentEvent.class).write(event, encoder);
        encoder.flush();

        Schema released = SchemaTree.load(ReleasedSchemasCompatibilityTest.RELEASED).topLevelSchemas()
                .get("io.dharma.events.DeploymentEvent");
        GenericRecord read = new GenericDatumReader<GenericRecord>(DeploymentEvent.getClassSchema(), released)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        GenericRecord reason = (GenericRecord) ((List<?>) ((GenericRecord) read.get("payload")).get("reasons")).getFirst();
        assertThat(reason.get("kind").toString()).isEqualTo("OTHER");
        assertThat(reason.get("message").toString()).isEqualTo("superseded: version 2 is newer");
    }
}
