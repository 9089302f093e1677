package io.dharma.topics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.CostEstimated;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DriftEvent;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.events.ResourceObserved;
import io.dharma.events.SecurityEvent;

/**
 * The public Dharma topics: the contract downstream teams subscribe to. Every lifecycle topic is
 * keyed by blueprintId (a string), so one blueprint's events stay in order and those topics are
 * co-partitioned; the security topic is keyed by tenantId. Each has a dead-letter topic
 * {@code <topic>.dlt}. Partition count, replication
 * and config overrides come from {@link DharmaTopicsProperties}; {@link TopicCatalogue} combines
 * both into the topics to create.
 */
public enum DharmaTopic {

    BLUEPRINTS(DharmaTopicNames.BLUEPRINTS, TopicKind.EVENT, BlueprintSubmitted.class),
    IAC(DharmaTopicNames.IAC, TopicKind.EVENT, IacEvent.class),
    GUARDRAILS(DharmaTopicNames.GUARDRAILS, TopicKind.EVENT, GuardrailsEvaluated.class),
    COSTS(DharmaTopicNames.COSTS, TopicKind.EVENT, CostEstimated.class),
    DEPLOYMENTS(DharmaTopicNames.DEPLOYMENTS, TopicKind.EVENT, DeploymentEvent.class),
    OBSERVATIONS(DharmaTopicNames.OBSERVATIONS, TopicKind.EVENT, ResourceObserved.class,
            "blueprintId (the observed resource is in the value, not the key)"),
    DRIFT(DharmaTopicNames.DRIFT, TopicKind.EVENT, DriftEvent.class,
            "blueprintId (the drifted resource is in the value, not the key)"),
    SECURITY(DharmaTopicNames.SECURITY, TopicKind.EVENT, SecurityEvent.class,
            "tenantId (security events belong to a tenant, not to a blueprint)");

    /** Suffix of every dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final String topicName;
    private final TopicKind kind;
    private final Class<? extends SpecificRecord> valueType;
    private final String keyDescription;

    /** A lifecycle topic keyed by blueprintId, with nothing more to say about its key. */
    DharmaTopic(String topicName, TopicKind kind, Class<? extends SpecificRecord> valueType) {
        this(topicName, kind, valueType, "blueprintId");
    }

    DharmaTopic(String topicName, TopicKind kind, Class<? extends SpecificRecord> valueType, String keyDescription) {
        this.topicName = topicName;
        this.kind = kind;
        this.valueType = valueType;
        this.keyDescription = keyDescription;
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

    /** Generated Avro class of the record value. */
    public Class<? extends SpecificRecord> valueType() {
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

    /** Where records that cannot be processed go, with the failure in headers. */
    public String deadLetterTopicName() {
        return topicName + DEAD_LETTER_SUFFIX;
    }

    /** The catalogue entry for a public topic name; empty for a DLT or an unknown name. */
    public static Optional<DharmaTopic> byTopicName(String topicName) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst();
    }

    /** Every topic name in the catalogue: each public topic followed by its DLT. */
    public static List<String> allTopicNames() {
        return Arrays.stream(values())
                .flatMap(t -> Stream.of(t.topicName, t.deadLetterTopicName()))
                .toList();
    }
}
