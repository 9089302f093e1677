package io.dharma.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.validation.BlueprintMapper;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    private static final BlueprintValidator VALIDATOR = new BlueprintValidator();

    private static final String YAML = """
            # comments and layout do not matter
            apiVersion: dharma/v1
            kind: Blueprint
            metadata:
              name: tiny-app
              environment: dev
              tags: {owner: team-a, app: tiny}
            spec:
              cloud: aws
              region: us-east-1
              budget: {monthlyUsd: 120.50}
              approval: auto
              resources:
                - name: files
                  type: storage.bucket
                  properties: {versioning: true, lifecycle: {expireAfterDays: 30}}
                - name: net
                  type: network
                  dependsOn: [files]
            """;

    /** The same blueprint in JSON, with every object's keys in a different order. */
    private static final String JSON = """
            {"spec": {"resources": [
                        {"properties": {"lifecycle": {"expireAfterDays": 30}, "versioning": true},
                         "type": "storage.bucket", "name": "files"},
                        {"dependsOn": ["files"], "type": "network", "name": "net", "properties": {}}],
                      "approval": "auto", "budget": {"monthlyUsd": 120.5}, "region": "us-east-1", "cloud": "aws"},
             "metadata": {"tags": {"app": "tiny", "owner": "team-a"}, "environment": "dev", "name": "tiny-app"},
             "kind": "Blueprint", "apiVersion": "dharma/v1"}
            """;

    @Test
    void canonicalJsonHasSortedKeysAndNoWhitespace() {
        assertThat(blueprint(YAML, DocumentFormat.YAML).canonicalJson()).isEqualTo(
                "{\"apiVersion\":\"dharma/v1\",\"kind\":\"Blueprint\","
                        + "\"metadata\":{\"environment\":\"dev\",\"name\":\"tiny-app\",\"tags\":{\"app\":\"tiny\",\"owner\":\"team-a\"}},"
                        + "\"spec\":{\"approval\":\"auto\",\"budget\":{\"monthlyUsd\":120.5},\"cloud\":\"aws\","
                        + "\"region\":\"us-east-1\",\"resources\":["
                        + "{\"dependsOn\":[],\"name\":\"files\",\"properties\":{\"lifecycle\":{\"expireAfterDays\":30},"
                        + "\"versioning\":true},\"type\":\"storage.bucket\"},"
                        + "{\"dependsOn\":[\"files\"],\"name\":\"net\",\"properties\":{},\"type\":\"network\"}]}}");
    }

    @Test
    void yamlAndEquivalentJsonGiveTheSameHash() {
        Blueprint fromYaml = blueprint(YAML, DocumentFormat.YAML);
        Blueprint fromJson = blueprint(JSON, DocumentFormat.JSON);

        assertThat(fromJson).isEqualTo(fromYaml);
        assertThat(fromJson.canonicalJson()).isEqualTo(fromYaml.canonicalJson());
        assertThat(fromJson.contentHash()).isEqualTo(fromYaml.contentHash());
    }

    @Test
    void hashIsTheSha256OfTheCanonicalJson() throws Exception {
        Blueprint blueprint = blueprint(YAML, DocumentFormat.YAML);
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(blueprint.canonicalJson().getBytes(StandardCharsets.UTF_8));

        assertThat(blueprint.contentHash()).isEqualTo(HexFormat.of().formatHex(digest)).hasSize(64);
    }

    @Test
    void equalNumbersWrittenDifferentlyGiveTheSameHash() {
        String integral = YAML.replace("expireAfterDays: 30", "expireAfterDays: 30.0")
                .replace("monthlyUsd: 120.50", "monthlyUsd: 1.205e2");

        assertThat(blueprint(integral, DocumentFormat.YAML).contentHash())
                .isEqualTo(blueprint(YAML, DocumentFormat.YAML).contentHash());
    }

    @Test
    void anyChangeOfContentChangesTheHash() {
        String original = blueprint(YAML, DocumentFormat.YAML).contentHash();

        assertThat(blueprint(YAML.replace("versioning: true", "versioning: false"), DocumentFormat.YAML).contentHash())
                .isNotEqualTo(original);
        assertThat(blueprint(YAML.replace("app: tiny", "app: tiny2"), DocumentFormat.YAML).contentHash())
                .isNotEqualTo(original);
    }

    @Test
    void absentAndEmptyOptionalCollectionsAreTheSame() {
        String explicit = YAML.replace("type: storage.bucket\n", "type: storage.bucket\n      dependsOn: []\n");

        assertThat(blueprint(explicit, DocumentFormat.YAML).contentHash())
                .isEqualTo(blueprint(YAML, DocumentFormat.YAML).contentHash());
    }

    @Test
    void canonicalJsonReadsBackIntoTheSameBlueprint() {
        Blueprint blueprint = blueprint(YAML, DocumentFormat.YAML);

        Blueprint readBack = BlueprintMapper.fromCanonicalJson(blueprint.canonicalJson());

        assertThat(readBack).isEqualTo(blueprint);
        assertThat(readBack.contentHash()).isEqualTo(blueprint.contentHash());
    }

    @Test
    void modelIsImmutable() {
        Blueprint blueprint = blueprint(YAML, DocumentFormat.YAML);
        ResourceSpec files = blueprint.spec().resources().getFirst();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> files.properties().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> blueprint.metadata().tags().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> blueprint.spec().resources().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static Blueprint blueprint(String document, DocumentFormat format) {
        ValidationResult result = VALIDATOR.validate(document, format);
        assertThat(result.problems()).isEmpty();
        return ((ValidationResult.Valid) result).blueprint();
    }
}
