package io.dharma.topics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.CostEstimated;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DriftEvent;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.events.ResourceObserved;
import io.dharma.events.SecurityEvent;
import io.dharma.serde.AvroSerdes;

/**
 * The public Dharma topics: the contract downstream teams subscribe to, each with its serdes, as
 * kafka-streams-examples' {@code Schemas.Topics}. Every lifecycle topic is keyed by blueprintId (a
 * string), so one blueprint's events stay in order and those topics are co-partitioned; the
 * security topic is keyed by tenantId. Each has a dead-letter topic {@code <topic>.dlt}.
 *
 * <p>Typed constants rather than an enum, so that {@code DharmaTopic.DEPLOYMENTS.valueSerde(config)}
 * is a {@code Serde<DeploymentEvent>}. Partition count, replication and config overrides are
 * platform/kafka's {@code DharmaTopicsProperties}, which its {@code TopicCatalogue} combines with
 * this list into the topics to create.
 *
 * @param <V> generated Avro class of the record value
 */
public final class DharmaTopic<V extends SpecificRecord> {

    public static final DharmaTopic<BlueprintSubmitted> BLUEPRINTS =
            new DharmaTopic<>("BLUEPRINTS", DharmaTopicNames.BLUEPRINTS, TopicKind.EVENT, BlueprintSubmitted.class);
    public static final DharmaTopic<IacEvent> IAC =
            new DharmaTopic<>("IAC", DharmaTopicNames.IAC, TopicKind.EVENT, IacEvent.class);
    public static final DharmaTopic<GuardrailsEvaluated> GUARDRAILS =
            new DharmaTopic<>("GUARDRAILS", DharmaTopicNames.GUARDRAILS, TopicKind.EVENT, GuardrailsEvaluated.class);
    public static final DharmaTopic<CostEstimated> COSTS =
            new DharmaTopic<>("COSTS", DharmaTopicNames.COSTS, TopicKind.EVENT, CostEstimated.class);
    public static final DharmaTopic<DeploymentEvent> DEPLOYMENTS =
            new DharmaTopic<>("DEPLOYMENTS", DharmaTopicNames.DEPLOYMENTS, TopicKind.EVENT, DeploymentEvent.class);
    public static final DharmaTopic<ResourceObserved> OBSERVATIONS =
            new DharmaTopic<>("OBSERVATIONS", DharmaTopicNames.OBSERVATIONS, TopicKind.EVENT, ResourceObserved.class,
                    "blueprintId (the observed resource is in the value, not the key)");
    public static final DharmaTopic<DriftEvent> DRIFT =
            new DharmaTopic<>("DRIFT", DharmaTopicNames.DRIFT, TopicKind.EVENT, DriftEvent.class,
                    "blueprintId (the drifted resource is in the value, not the key)");
    public static final DharmaTopic<SecurityEvent> SECURITY =
            new DharmaTopic<>("SECURITY", DharmaTopicNames.SECURITY, TopicKind.EVENT, SecurityEvent.class,
                    "tenantId (security events belong to a tenant, not to a blueprint)");

    private static final List<DharmaTopic<?>> VALUES =
            List.of(BLUEPRINTS, IAC, GUARDRAILS, COSTS, DEPLOYMENTS, OBSERVATIONS, DRIFT, SECURITY);

    /** Suffix of every dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final String name;
    private final String topicName;
    private final TopicKind kind;
    private final Class<V> valueType;
    private final String keyDescription;

    /** A lifecycle topic keyed by blueprintId, with nothing more to say about its key. */
    private DharmaTopic(String name, String topicName, TopicKind kind, Class<V> valueType) {
        this(name, topicName, kind, valueType, "blueprintId");
    }

    private DharmaTopic(String name, String topicName, TopicKind kind, Class<V> valueType, String keyDescription) {
        this.name = name;
        this.topicName = topicName;
        this.kind = kind;
        this.valueType = valueType;
        this.keyDescription = keyDescription;
    }

    /** Every public topic, in catalogue order. */
    public static List<DharmaTopic<?>> values() {
        return VALUES;
    }

    /**
     * The topic of a constant's name, leniently as Spring binds enum names (case, dashes and
     * underscores ignored), so that {@code dharma.kafka.topics.configs.observations} binds.
     */
    public static DharmaTopic<?> valueOf(String name) {
        return VALUES.stream().filter(t -> canonical(t.name).equals(canonical(name))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Dharma topic named " + name));
    }

    private static String canonical(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** The constant's name, e.g. {@code DEPLOYMENTS}. */
    public String name() {
        return name;
    }

    public String topicName() {
        return topicName;
    }

    public TopicKind kind() {
        return kind;
    }

    /** Whether the topic follows blueprints (keyed by blueprintId, events carry the lifecycle Envelope). */
    public boolean lifecycle() {
        return this != SECURITY;
    }

    /** What the record key holds. Keys are plain strings. */
    public String keyDescription() {
        return keyDescription;
    }

    /** Keys are plain UTF-8 strings. */
    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** Generated Avro class of the record value. */
    public Class<V> valueType() {
        return valueType;
    }

    /** Avro schema of the record value. */
    public Schema valueSchema() {
        return SpecificData.get().getSchema(valueType);
    }

    /** Schema Registry subject of the value (Confluent TopicNameStrategy). */
    public String valueSubject() {
        return topicName + "-value";
    }

    /**
     * The value serde, in the Confluent wire format with its own registry client; {@code config}
     * holds at least {@code schema.registry.url}.
     */
    public Serde<V> valueSerde(Map<String, ?> config) {
        return AvroSerdes.specific(valueType, config, false);
    }

    /** Where records that cannot be processed go, with the failure in headers. */
    public String deadLetterTopicName() {
        return topicName + DEAD_LETTER_SUFFIX;
    }

    /** The catalogue entry for a public topic name; empty for a DLT or an unknown name. */
    public static Optional<DharmaTopic<?>> byTopicName(String topicName) {
        return VALUES.stream().filter(t -> t.topicName.equals(topicName)).findFirst();
    }

    /** Every topic name in the catalogue: each public topic followed by its DLT. */
    public static List<String> allTopicNames() {
        return VALUES.stream()
                .flatMap(t -> Stream.of(t.topicName, t.deadLetterTopicName()))
                .toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
