package io.dharma.blueprint.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class MultipleProblemsTest {

    private final BlueprintValidator validator = new BlueprintValidator();

    @Test
    void everyProblemIsReportedTogetherInDocumentOrder() {
        String yaml = """
                apiVersion: dharma/v1
                kind: Blueprint
                metadata:
                  name: X
                  environment: dev
                spec:
                  cloud: gcp
                  region: us-east-1
                  approval: auto
                  resources:
                    - name: net
                      type: network
                    - name: app
                      type: compute.instance
                      properties:
                        size: gigantic
                        image: ubuntu-22.04
                        subnet: missing-subnet
                    - name: app
                      type: storage.bucket
                    - name: queue
                      type: messaging.queue
                    - name: a
                      type: storage.bucket
                      dependsOn: [b]
                    - name: b
                      type: storage.bucket
                      dependsOn: [a]
                """;

        ValidationResult result = validator.validate(yaml, DocumentFormat.YAML);

        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        assertThat(result.problems())
                .extracting(Problem::code, Problem::pointer)
                .containsExactly(
                        tuple(ProblemCode.METADATA_INVALID_NAME, "/metadata/name"),
                        tuple(ProblemCode.SPEC_UNKNOWN_REGION, "/spec/region"),
                        tuple(ProblemCode.RESOURCE_INVALID_PROPERTIES, "/spec/resources/1/properties/size"),
                        tuple(ProblemCode.RESOURCE_UNKNOWN_DEPENDENCY, "/spec/resources/1/properties/subnet"),
                        tuple(ProblemCode.RESOURCE_DUPLICATE_NAME, "/spec/resources/2/name"),
                        tuple(ProblemCode.RESOURCE_UNKNOWN_TYPE, "/spec/resources/3/type"),
                        tuple(ProblemCode.RESOURCE_DEPENDENCY_CYCLE, "/spec/resources/4/dependsOn/0"));
        assertThat(result.problems().get(6).message()).endsWith("a -> b -> a");
    }

    @Test
    void aDocumentThatIsNotAMappingIsOneProblem() {
        ValidationResult result = validator.validate("- just\n- a list\n", DocumentFormat.YAML);

        assertThat(result.problems()).extracting(Problem::code, Problem::pointer)
                .containsExactly(tuple(ProblemCode.DOCUMENT_WRONG_TYPE, ""));
    }

    @Test
    void anEmptyMappingMissesEveryTopLevelField() {
        ValidationResult result = validator.validate("{}", DocumentFormat.JSON);

        assertThat(result.problems()).extracting(Problem::code, Problem::pointer).containsExactly(
                tuple(ProblemCode.DOCUMENT_MISSING_FIELD, "/apiVersion"),
                tuple(ProblemCode.DOCUMENT_MISSING_FIELD, "/kind"),
                tuple(ProblemCode.DOCUMENT_MISSING_FIELD, "/metadata"),
                tuple(ProblemCode.DOCUMENT_MISSING_FIELD, "/spec"));
    }
}
