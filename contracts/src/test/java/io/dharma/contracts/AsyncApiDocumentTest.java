package io.dharma.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dharma.contracts.AsyncApiDocument.Channel;
import io.dharma.contracts.AsyncApiDocument.Operation;
import io.dharma.events.Envelope;
import io.dharma.kafka.topics.DharmaTopicsProperties;
import io.dharma.kafka.topics.TopicCatalogue;
import io.dharma.kafka.topics.TopicSpec;
import io.dharma.serde.Subjects;
import io.dharma.topics.DharmaTopic;

/**
 * Fails when contracts/asyncapi.yaml and the code disagree: topics, partitions and configs against
 * the topic catalogue (defaults, as {@code ./dharma up} creates them), value schemas against the
 * generated classes, examples against the schemas, and the whole document against the official
 * AsyncAPI 3.0.0 JSON Schema.
 */
class AsyncApiDocumentTest {

    private static final String AVRO_FORMAT = "application/vnd.apache.avro+json;version=1.9.0";
    /** The official schema, from the @asyncapi/specs package (see its .SOURCE.md). */
    private static final Path ASYNCAPI_SCHEMA = Path.of("src/test/resources/asyncapi-3.0.0.schema.json");
    /** Depends on the replication factor of the cluster, so the document does not state it. */
    private static final String DEPLOYMENT_DEPENDENT_CONFIG = TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG;

    private final AsyncApiDocument document = AsyncApiDocument.load();
    private final TopicCatalogue catalogue = new TopicCatalogue(DharmaTopicsProperties.defaults());

    @Test
    void isAValidAsyncApi3Document() throws IOException {
        String id = "https://dharma.local/asyncapi-3.0.0.schema.json";
        String schemaText = Files.readString(ASYNCAPI_SCHEMA);
        Schema schema = SchemaRegistry.withDefaultDialect(Dialects.getDraft7(),
                        builder -> builder.schemas(Map.of(id, schemaText)))
                .getSchema(SchemaLocation.of(id));

        List<Error> errors = schema.validate(document.root());

        assertThat(errors).extracting(e -> e.getInstanceLocation() + ": " + e.getMessage()).isEmpty();
        assertThat(document.root().path("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void hasOneChannelPerCatalogueTopicAndDeadLetterTopic() {
        List<String> addresses = document.channels().stream().map(Channel::address).sorted().toList();

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(DharmaTopic.allTopicNames());
        assertThat(addresses).doesNotHaveDuplicates();
    }

    @Test
    void channelBindingsStateTheCataloguesPartitionsAndConfigs() {
        for (Channel channel : document.channels()) {
            TopicSpec spec = spec(channel.address());
            JsonNode kafka = channel.node().path("bindings").path("kafka");

            assertThat(kafka.path("partitions").asInt()).as("partitions of %s", channel.address())
                    .isEqualTo(spec.partitions());
            Map<String, String> expected = new TreeMap<>(spec.configs());
            expected.remove(DEPLOYMENT_DEPENDENT_CONFIG);
            assertThat(topicConfiguration(kafka)).as("topicConfiguration of %s", channel.address())
                    .isEqualTo(expected);
        }
    }

    @Test
    void everyMessageReferencesItsTopicsAvroSchemaAndSubject() {
        for (Channel channel : document.channels()) {
            TopicSpec spec = spec(channel.address());
            JsonNode payload = channel.message().path("payload");

            assertThat(payload.path("schemaFormat").asString()).as(channel.messageId()).isEqualTo(AVRO_FORMAT);
            Path avsc = document.relativeFile(payload.path("schema").path("$ref").asString());
            assertThat(avsc).as("schema file of %s", channel.messageId()).isRegularFile();
            assertThat(AvroSchemaFiles.withoutJavaStringMarks(AvroSchemaFiles.parseTopicSchema(avsc)))
                    .as("schema in %s", avsc)
                    .isEqualTo(AvroSchemaFiles.withoutJavaStringMarks(spec.source().valueSchema()));

            JsonNode kafka = channel.message().path("bindings").path("kafka");
            assertThat(kafka.path("x-value-subject").asString()).as("subject of %s", channel.address())
                    .isEqualTo(Subjects.subject(channel.address(), false));
            assertThat(kafka.path("schemaIdLocation").asString()).isEqualTo("payload");
            assertThat(kafka.path("schemaIdPayloadEncoding").asString()).isEqualTo("4");
            assertThat(kafka.path("schemaLookupStrategy").asString()).isEqualTo("TopicNameStrategy");
            assertThat(document.resolve(kafka.path("key")).path("type").asString())
                    .as("key of %s", channel.address()).isEqualTo("string");
        }
    }

    @Test
    void everyTopicExampleDecodesAsTheTopicsSchemaAndRoundTrips() {
        JsonMapper json = JsonMapper.builder().build();
        for (Channel channel : publicTopicChannels()) {
            Class<? extends SpecificRecord> valueType = spec(channel.address()).source().valueType();
            JsonNode examples = channel.message().path("examples");
            assertThat(examples).as("examples of %s", channel.messageId()).isNotEmpty();

            for (JsonNode example : examples) {
                JsonNode payload = example.path("payload");
                SpecificRecord decoded = AvroJson.decode(json.writeValueAsString(payload), valueType);

                assertThat(json.readTree(AvroJson.encode(decoded)))
                        .as("example %s of %s, re-encoded", example.path("name").asString(), channel.address())
                        .isEqualTo(payload);
                SpecificRecord envelope = (SpecificRecord) decoded.get(decoded.getSchema().getField("envelope").pos());
                String producer = envelope.get(envelope.getSchema().getField("producer").pos()).toString();
                if (DharmaTopic.byTopicName(channel.address()).orElseThrow().lifecycle()) {
                    assertThat(producer).as("producer in example %s", example.path("name").asString())
                            .isEqualTo(producerOf(channel));
                } else {
                    // Security events come from whichever service changed access; the operation lists them.
                    assertThat(producerOf(channel)).as("producers of %s", channel.address()).contains(producer);
                }
            }
        }
    }

    @Test
    void everyDeadLetterExampleNamesItsOriginalTopic() {
        for (Channel channel : document.channels()) {
            TopicSpec spec = spec(channel.address());
            if (!spec.deadLetter()) {
                continue;
            }
            JsonNode examples = channel.message().path("examples");
            assertThat(examples).as("examples of %s", channel.messageId()).isNotEmpty();
            for (JsonNode example : examples) {
                JsonNode headers = example.path("headers");
                assertThat(headers.path("kafka_dlt-original-topic").asString()).isEqualTo(spec.source().topicName());
                assertThat(headers.path("dharma-dlt-reason").asString()).isNotBlank();
            }
        }
    }

    @Test
    void everyTopicHasOneProducerAndEveryConsumerNamesItsGroup() {
        Map<String, List<Operation>> sendsByChannel = document.operations().stream()
                .filter(op -> op.action().equals("send"))
                .collect(Collectors.groupingBy(Operation::channelId));
        for (Channel channel : document.channels()) {
            assertThat(sendsByChannel.getOrDefault(channel.id(), List.of()))
                    .as("send operations of %s", channel.address()).hasSize(1);
        }
        for (Operation operation : document.operations()) {
            assertThat(operation.action()).isIn("send", "receive");
            if (operation.action().equals("receive")) {
                assertThat(operation.node().path("bindings").path("kafka").path("groupId").path("const").asString())
                        .as("consumer group of %s", operation.id()).startsWith("dharma-");
            }
        }
    }

    @Test
    void everyLocalReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(document.root(), references);

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            if (reference.startsWith("#/")) {
                document.pointer(reference);
            } else {
                assertThat(document.relativeFile(reference)).as(reference).isRegularFile();
            }
        }
    }

    private List<Channel> publicTopicChannels() {
        return document.channels().stream().filter(c -> DharmaTopic.byTopicName(c.address()).isPresent()).toList();
    }

    private String producerOf(Channel channel) {
        return document.operations().stream()
                .filter(op -> op.action().equals("send") && op.channelId().equals(channel.id()))
                .map(op -> op.node().path("x-dharma-service").asString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no send operation for " + channel.address()));
    }

    private TopicSpec spec(String address) {
        Optional<TopicSpec> spec = catalogue.topics().stream().filter(t -> t.name().equals(address)).findFirst();
        return spec.orElseThrow(() -> new AssertionError("channel " + address + " is not in the topic catalogue"));
    }

    /** The binding's topicConfiguration as topic-config strings (cleanup.policy is a list there). */
    private static Map<String, String> topicConfiguration(JsonNode kafkaBinding) {
        Map<String, String> configs = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : kafkaBinding.path("topicConfiguration").properties()) {
            JsonNode value = entry.getValue();
            configs.put(entry.getKey(), value.isArray()
                    ? value.valueStream().map(JsonNode::asString).collect(Collectors.joining(","))
                    : value.asString());
        }
        return configs;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (entry.getKey().equals("$ref")) {
                    references.add(entry.getValue().asString());
                } else {
                    collectReferences(entry.getValue(), references);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, references));
        }
    }
}
