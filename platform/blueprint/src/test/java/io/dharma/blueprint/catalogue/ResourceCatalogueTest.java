package io.dharma.blueprint.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dharma.blueprint.ResourceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResourceCatalogueTest {

    private static final ResourceCatalogue CATALOGUE = ResourceCatalogue.v1();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void catalogueV1HasTheElevenTypes() {
        assertThat(CATALOGUE.version()).isEqualTo("v1");
        assertThat(CATALOGUE.typeNames()).containsExactly(
                "network", "subnet", "firewall", "compute.instance", "kubernetes.cluster", "database.postgres",
                "database.mysql", "storage.bucket", "cache.redis", "loadbalancer", "dns.record");
    }

    static List<String> typeNames() {
        return CATALOGUE.typeNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeNames")
    void everyTypeIsAClosedDraft202012SchemaWithADescription(String typeName) {
        JsonNode schema = CATALOGUE.type(typeName).schema();

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").booleanValue()).isFalse();
        assertThat(CATALOGUE.type(typeName).description()).isNotBlank();
    }

    @Test
    void referencePropertiesSayWhatTheyMayPointAt() {
        assertThat(CATALOGUE.type("network").referenceProperties()).isEmpty();
        assertThat(CATALOGUE.type("subnet").referenceProperties())
                .containsExactly(new ReferenceProperty("network", false, List.of("network")));
        assertThat(CATALOGUE.type("loadbalancer").referenceProperties()).containsExactly(
                new ReferenceProperty("subnets", true, List.of("subnet")),
                new ReferenceProperty("targets", true, List.of("compute.instance")));
        assertThat(CATALOGUE.type("dns.record").referenceProperties())
                .containsExactly(new ReferenceProperty("target", false, List.of("loadbalancer", "compute.instance")));
        assertThat(CATALOGUE.type("kubernetes.cluster").referenceProperties())
                .extracting(ReferenceProperty::property).containsExactly("network", "subnet");
    }

    @Test
    void referencesAreFoundWithTheirPointers() {
        ResourceSpec lb = new ResourceSpec("lb", "loadbalancer", Map.of(
                "subnets", List.of("a", "b"),
                "listeners", List.of(Map.of("port", 80, "protocol", "http")),
                "targets", List.of("web")), List.of());

        assertThat(CATALOGUE.references(lb))
                .extracting(ResourceReference::pointer, ResourceReference::target)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/subnets/0", "a"),
                        org.assertj.core.groups.Tuple.tuple("/subnets/1", "b"),
                        org.assertj.core.groups.Tuple.tuple("/targets/0", "web"));
    }

    @Test
    void defaultsAreFilledInIncludingNestedOnes() {
        ResourceSpec vm = new ResourceSpec("vm", "compute.instance",
                Map.of("image", "debian-12", "subnet", "sub"), List.of());

        assertThat(CATALOGUE.withDefaults(vm)).isEqualTo(Map.of(
                "image", "debian-12",
                "subnet", "sub",
                "size", "small",
                "count", 1L,
                "publicIp", false,
                "disk", Map.of("sizeGb", 30L, "type", "ssd")));
    }

    @Test
    void defaultsNeverOverrideWhatWasWritten() {
        ResourceSpec db = new ResourceSpec("db", "database.postgres",
                Map.of("subnet", "sub", "encrypted", false, "backupRetentionDays", 0), List.of());

        assertThat(CATALOGUE.withDefaults(db))
                .containsEntry("encrypted", false)
                .containsEntry("backupRetentionDays", 0L)
                .containsEntry("highAvailability", false)
                .containsEntry("version", "16")
                .containsEntry("storageGb", 20L);
    }

    @Test
    void secureDefaultsForStorageAndDatabases() {
        assertThat(CATALOGUE.withDefaults(new ResourceSpec("b", "storage.bucket", Map.of(), List.of())))
                .containsEntry("encrypted", true)
                .containsEntry("publicAccess", false);
        assertThat(CATALOGUE.withDefaults(new ResourceSpec("m", "database.mysql", Map.of("subnet", "s"), List.of())))
                .containsEntry("encrypted", true)
                .containsEntry("backupRetentionDays", 7L);
    }

    @Test
    void unknownTypeIsRefusedByName() {
        assertThat(CATALOGUE.find("queue")).isEmpty();
        assertThatThrownBy(() -> CATALOGUE.type("queue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queue");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0.0.0/0", "10.0.0.0/8", "192.168.1.7/32", "::/0", "2001:db8::/32",
        "fe80::1/128", "2001:0db8:0000:0000:0000:ff00:0042:8329/64"})
    void acceptsCidrs(String cidr) {
        assertThat(violationsOfFirewallRuleWithCidr(cidr)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.0.0.0", "256.0.0.0/8", "10.0.0.0/33", "10.0.0/8", "::/129", "2001:db8:::/32",
        "gggg::/16", "any", ""})
    void refusesNonCidrs(String cidr) {
        assertThat(violationsOfFirewallRuleWithCidr(cidr))
                .extracting(PropertyViolation::pointer)
                .containsExactly("/ingress/0/cidrs/0");
    }

    @Test
    void violationsOfNestedPropertiesPointIntoThePropertiesObject() {
        JsonNode properties = JSON.readTree("""
                {"size": "tiny", "image": "ubuntu-22.04", "subnet": "s", "disk": {"sizeGb": 2}, "gpu": true}
                """);

        assertThat(CATALOGUE.type("compute.instance").validate(properties))
                .extracting(PropertyViolation::pointer, PropertyViolation::keyword)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/size", "enum"),
                        org.assertj.core.groups.Tuple.tuple("/disk/sizeGb", "minimum"),
                        org.assertj.core.groups.Tuple.tuple("/gpu", "additionalProperties"));
    }

    private static List<PropertyViolation> violationsOfFirewallRuleWithCidr(String cidr) {
        JsonNode properties = JSON.createObjectNode()
                .put("network", "net")
                .set("ingress", JSON.createArrayNode().add(JSON.createObjectNode()
                        .put("protocol", "tcp")
                        .set("ports", JSON.createArrayNode().add(22))
                        .set("cidrs", JSON.createArrayNode().add(cidr))));
        return CATALOGUE.type("firewall").validate(properties);
    }
}
