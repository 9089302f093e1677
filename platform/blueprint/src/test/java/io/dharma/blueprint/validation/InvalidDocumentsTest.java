package io.dharma.blueprint.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each row breaks the valid base document in one place and expects exactly one problem there. */
class InvalidDocumentsTest {

    private static final BlueprintValidator VALIDATOR = new BlueprintValidator();

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                row("wrong apiVersion", ProblemCode.DOCUMENT_UNSUPPORTED_API_VERSION, "/apiVersion",
                        "set /apiVersion \"dharma/v2\""),
                row("wrong kind", ProblemCode.DOCUMENT_UNSUPPORTED_KIND, "/kind",
                        "set /kind \"Deployment\""),
                row("unknown top-level field", ProblemCode.DOCUMENT_UNKNOWN_FIELD, "/labels",
                        "set /labels {}"),
                row("missing spec", ProblemCode.DOCUMENT_MISSING_FIELD, "/spec",
                        "remove /spec"),
                row("missing metadata.name", ProblemCode.DOCUMENT_MISSING_FIELD, "/metadata/name",
                        "remove /metadata/name"),
                row("name too short", ProblemCode.METADATA_INVALID_NAME, "/metadata/name",
                        "set /metadata/name \"ab\""),
                row("name with capitals", ProblemCode.METADATA_INVALID_NAME, "/metadata/name",
                        "set /metadata/name \"MyApp\""),
                row("name of 64 characters", ProblemCode.METADATA_INVALID_NAME, "/metadata/name",
                        "set /metadata/name \"" + "a".repeat(64) + "\""),
                row("name ending in a dash", ProblemCode.METADATA_INVALID_NAME, "/metadata/name",
                        "set /metadata/name \"shop-\""),
                row("unknown environment", ProblemCode.METADATA_INVALID_ENVIRONMENT, "/metadata/environment",
                        "set /metadata/environment \"qa\""),
                row("tag value not a string", ProblemCode.METADATA_INVALID_TAGS, "/metadata/tags/owner",
                        "set /metadata/tags/owner 42"),
                row("tag key with a forbidden character", ProblemCode.METADATA_INVALID_TAGS, "/metadata/tags/team~1name!",
                        "set /metadata/tags/team~1name! \"a\""),
                row("unknown cloud", ProblemCode.SPEC_INVALID_CLOUD, "/spec/cloud",
                        "set /spec/cloud \"ibm\""),
                row("made-up region", ProblemCode.SPEC_UNKNOWN_REGION, "/spec/region",
                        "set /spec/region \"us-east-9\""),
                row("another cloud's region", ProblemCode.SPEC_UNKNOWN_REGION, "/spec/region",
                        "set /spec/region \"westeurope\""),
                row("region not a string", ProblemCode.DOCUMENT_WRONG_TYPE, "/spec/region",
                        "set /spec/region 1"),
                row("zero budget", ProblemCode.SPEC_INVALID_BUDGET, "/spec/budget/monthlyUsd",
                        "set /spec/budget/monthlyUsd 0"),
                row("budget as text", ProblemCode.SPEC_INVALID_BUDGET, "/spec/budget/monthlyUsd",
                        "set /spec/budget/monthlyUsd \"lots\""),
                row("unknown approval", ProblemCode.SPEC_INVALID_APPROVAL, "/spec/approval",
                        "set /spec/approval \"manual\""),
                row("resources not a list", ProblemCode.DOCUMENT_WRONG_TYPE, "/spec/resources",
                        "set /spec/resources {}"),
                row("misspelt resource field", ProblemCode.DOCUMENT_UNKNOWN_FIELD, "/spec/resources/4/depends_on",
                        "set /spec/resources/4/depends_on []"),
                row("resource without type", ProblemCode.DOCUMENT_MISSING_FIELD, "/spec/resources/4/type",
                        "remove /spec/resources/4/type"),
                row("properties not a mapping", ProblemCode.DOCUMENT_WRONG_TYPE, "/spec/resources/4/properties",
                        "set /spec/resources/4/properties []"),
                row("dependsOn not a list", ProblemCode.DOCUMENT_WRONG_TYPE, "/spec/resources/4/dependsOn",
                        "set /spec/resources/4/dependsOn \"web\""),
                row("resource name with underscore", ProblemCode.RESOURCE_INVALID_NAME, "/spec/resources/4/name",
                        "set /spec/resources/4/name \"my_files\""),
                row("unknown resource type", ProblemCode.RESOURCE_UNKNOWN_TYPE, "/spec/resources/4/type",
                        "set /spec/resources/4/type \"storage.disk\""),
                row("size not in the enumeration", ProblemCode.RESOURCE_INVALID_PROPERTIES,
                        "/spec/resources/2/properties/size", "set /spec/resources/2/properties/size \"huge\""),
                row("missing required property", ProblemCode.RESOURCE_INVALID_PROPERTIES,
                        "/spec/resources/2/properties/image", "remove /spec/resources/2/properties/image"),
                row("unknown property", ProblemCode.RESOURCE_INVALID_PROPERTIES,
                        "/spec/resources/2/properties/colour", "set /spec/resources/2/properties/colour \"red\""),
                row("instance count zero", ProblemCode.RESOURCE_INVALID_PROPERTIES,
                        "/spec/resources/2/properties/count", "set /spec/resources/2/properties/count 0"),
                row("nested disk type", ProblemCode.RESOURCE_INVALID_PROPERTIES,
                        "/spec/resources/2/properties/disk/type",
                        "set /spec/resources/2/properties/disk {\"sizeGb\": 40, \"type\": \"nvme\"}"),
                row("subnet cidr not a cidr", ProblemCode.RESOURCE_INVALID_PROPERTIES,
                        "/spec/resources/1/properties/cidr", "set /spec/resources/1/properties/cidr \"10.0.1.0\""),
                row("firewall port out of range", ProblemCode.RESOURCE_INVALID_PROPERTIES,
                        "/spec/resources/3/properties/ingress/0/ports/0",
                        "set /spec/resources/3/properties/ingress/0/ports [70000]"),
                row("firewall IPv6 prefix too long", ProblemCode.RESOURCE_INVALID_PROPERTIES,
                        "/spec/resources/3/properties/ingress/0/cidrs/0",
                        "set /spec/resources/3/properties/ingress/0/cidrs [\"2001:db8::/129\"]"),
                row("tcp rule without ports", ProblemCode.RESOURCE_INVALID_PROPERTIES,
                        "/spec/resources/3/properties/ingress/0",
                        "remove /spec/resources/3/properties/ingress/0/ports"),
                row("dns record with target and values", ProblemCode.RESOURCE_INVALID_PROPERTIES,
                        "/spec/resources/5/properties",
                        "set /spec/resources/- {\"name\": \"www\", \"type\": \"dns.record\", \"properties\":"
                                + " {\"zone\": \"example.com\", \"name\": \"www\", \"type\": \"A\", \"target\": \"web\","
                                + " \"values\": [\"192.0.2.1\"]}}"),
                row("kubernetes version as a number", ProblemCode.RESOURCE_INVALID_PROPERTIES,
                        "/spec/resources/5/properties/version",
                        "set /spec/resources/- {\"name\": \"k8s\", \"type\": \"kubernetes.cluster\", \"properties\":"
                                + " {\"version\": 1.3, \"network\": \"net\"}}"),
                row("duplicate resource name", ProblemCode.RESOURCE_DUPLICATE_NAME, "/spec/resources/4/name",
                        "set /spec/resources/4/name \"web\""),
                row("dependsOn beyond the limit", ProblemCode.RESOURCE_TOO_MANY_DEPENDENCIES,
                        "/spec/resources/4/dependsOn", "set /spec/resources/4/dependsOn " + namesOf(51, "web")),
                row("dependsOn naming a resource twice", ProblemCode.RESOURCE_DUPLICATE_DEPENDENCY,
                        "/spec/resources/4/dependsOn/1", "set /spec/resources/4/dependsOn [\"web\", \"web\"]"),
                row("dependsOn names nothing", ProblemCode.RESOURCE_UNKNOWN_DEPENDENCY,
                        "/spec/resources/4/dependsOn/0", "set /spec/resources/4/dependsOn [\"nothing\"]"),
                row("reference names nothing", ProblemCode.RESOURCE_UNKNOWN_DEPENDENCY,
                        "/spec/resources/2/properties/subnet", "set /spec/resources/2/properties/subnet \"nowhere\""),
                row("reference to a resource of the wrong type", ProblemCode.RESOURCE_WRONG_REFERENCE_TYPE,
                        "/spec/resources/2/properties/subnet", "set /spec/resources/2/properties/subnet \"net\""),
                row("resource depends on itself", ProblemCode.RESOURCE_DEPENDENCY_CYCLE,
                        "/spec/resources/4/dependsOn/0", "set /spec/resources/4/dependsOn [\"files\"]"),
                row("dependency cycle through references", ProblemCode.RESOURCE_DEPENDENCY_CYCLE,
                        "/spec/resources/0/dependsOn/0", "set /spec/resources/0/dependsOn [\"files\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void reportsOneProblemWithCodeAndPointer(String description, ProblemCode code, String pointer, String[] edits) {
        ValidationResult result = VALIDATOR.validate(TestDocuments.edited(edits), DocumentFormat.JSON);

        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.pointer()).isEqualTo(pointer);
            assertThat(problem.message()).isNotBlank();
        });
    }

    @Test
    void baseDocumentIsValid() {
        assertThat(VALIDATOR.validate(TestDocuments.edited(), DocumentFormat.JSON).problems()).isEmpty();
    }

    @Test
    void cycleMessageNamesTheCycleFromItsFirstResource() {
        ValidationResult result = VALIDATOR.validate(
                TestDocuments.edited("set /spec/resources/0/dependsOn [\"files\"]"), DocumentFormat.JSON);

        // net -> files (dependsOn) -> web (dependsOn) -> sub (reference) -> net (reference)
        assertThat(result.problems()).singleElement().extracting(Problem::message).asString()
                .endsWith("net -> files -> web -> sub -> net");
    }

    @Test
    void unknownRegionListsTheValidOnes() {
        ValidationResult result = VALIDATOR.validate(
                TestDocuments.edited("set /spec/region \"westeurope\""), DocumentFormat.JSON);

        assertThat(result.problems()).singleElement().extracting(Problem::message).asString()
                .contains("'westeurope'", "us-east-1", "eu-west-1", "ap-southeast-1");
    }

    @Test
    void unknownPropertyMessageNamesTheAllowedOnes() {
        ValidationResult result = VALIDATOR.validate(
                TestDocuments.edited("set /spec/resources/1/properties/zone \"a\""), DocumentFormat.JSON);

        assertThat(result.problems()).singleElement().extracting(Problem::message).asString()
                .contains("zone", "not a property of subnet", "network, cidr, public");
    }

    @Test
    void tooManyResources() {
        StringBuilder resources = new StringBuilder("[");
        for (int i = 0; i < 201; i++) {
            resources.append(i == 0 ? "" : ",").append("{\"name\":\"b").append(i).append("\",\"type\":\"storage.bucket\"}");
        }
        ValidationResult result = VALIDATOR.validate(
                TestDocuments.edited("set /spec/resources " + resources + "]"), DocumentFormat.JSON);

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.DOCUMENT_TOO_MANY_RESOURCES);
            assertThat(problem.pointer()).isEqualTo("/spec/resources");
        });
    }

    /** YAML aliases repeating one long dependsOn list: one problem per list, never one per name. */
    @Test
    void aliasesRepeatingALongDependsOnListAreRefusedOncePerList() {
        StringBuilder yaml = new StringBuilder(TestDocuments.BASE_YAML)
                .append("    - name: many\n      type: storage.bucket\n      dependsOn: &deps [")
                .append(String.join(", ", java.util.Collections.nCopies(1000, "web"))).append("]\n");
        for (int i = 0; i < 40; i++) {
            yaml.append("    - {name: copy").append(i).append(", type: storage.bucket, dependsOn: *deps}\n");
        }
        ValidationResult result = VALIDATOR.validate(yaml.toString(), DocumentFormat.YAML);

        assertThat(result.problems()).hasSize(41).allSatisfy(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.RESOURCE_TOO_MANY_DEPENDENCIES);
            assertThat(problem.message()).contains("at most 50", "lists 1000");
        });
        assertThat(result.problems().get(0).pointer()).isEqualTo("/spec/resources/5/dependsOn");
    }

    private static String namesOf(int count, String name) {
        return "[" + String.join(", ", java.util.Collections.nCopies(count, "\"" + name + "\"")) + "]";
    }

    private static Arguments row(String description, ProblemCode code, String pointer, String... edits) {
        return Arguments.of(description, code, pointer, edits);
    }
}
