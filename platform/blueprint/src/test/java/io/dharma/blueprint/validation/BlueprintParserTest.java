package io.dharma.blueprint.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class BlueprintParserTest {

    private final BlueprintParser parser = new BlueprintParser();

    @Test
    void classicBillionLaughsIsRefusedForItsAliases() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            yaml.append("a").append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                yaml.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
            }
            yaml.append("]\n");
        }

        assertRefused(yaml.toString(), DocumentFormat.YAML, ProblemCode.DOCUMENT_TOO_MANY_ALIASES);
    }

    @Test
    void aliasBombWithinTheAliasLimitIsRefusedWhenItExpands() {
        // 25 levels x 2 aliases = 50 aliases (the limit), expanding to 2^25 values.
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x]\n");
        for (int level = 1; level <= 25; level++) {
            yaml.append("l").append(level).append(": &l").append(level)
                    .append(" [*l").append(level - 1).append(", *l").append(level - 1).append("]\n");
        }

        assertRefused(yaml.toString(), DocumentFormat.YAML, ProblemCode.DOCUMENT_TOO_LARGE);
    }

    @Test
    void aListContainingItselfIsRefused() {
        assertRefused("loop: &loop [*loop]\n", DocumentFormat.YAML, ProblemCode.DOCUMENT_TOO_DEEP);
    }

    @Test
    void deeplyNestedFlowYamlIsRefusedWithoutBuildingIt() {
        assertRefused("[".repeat(200_000), DocumentFormat.YAML, ProblemCode.DOCUMENT_TOO_DEEP);
    }

    @Test
    void deeplyNestedBlockYamlIsRefused() {
        StringBuilder yaml = new StringBuilder();
        for (int depth = 0; depth < 40; depth++) {
            yaml.append("  ".repeat(depth)).append("k").append(depth).append(":\n");
        }
        yaml.append("  ".repeat(40)).append("leaf: 1\n");

        assertRefused(yaml.toString(), DocumentFormat.YAML, ProblemCode.DOCUMENT_TOO_DEEP);
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutBuildingIt() {
        assertRefused("[".repeat(200_000), DocumentFormat.JSON, ProblemCode.DOCUMENT_TOO_DEEP);
        assertRefused("{\"a\":".repeat(50) + "1" + "}".repeat(50), DocumentFormat.JSON, ProblemCode.DOCUMENT_TOO_DEEP);
    }

    @Test
    void nestingUpToTheLimitIsAccepted() throws Exception {
        int limit = parser.limits().maxDepth();
        String json = "[".repeat(limit) + "]".repeat(limit);

        assertThat(parser.parse(json.getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON).isArray()).isTrue();
        assertRefused("[".repeat(limit + 1) + "]".repeat(limit + 1), DocumentFormat.JSON, ProblemCode.DOCUMENT_TOO_DEEP);
    }

    @Test
    void documentOverTheSizeLimitIsRefusedBeforeParsing() {
        byte[] document = new byte[parser.limits().maxDocumentBytes() + 1];
        java.util.Arrays.fill(document, (byte) ' ');

        assertThatThrownBy(() -> parser.parse(document, DocumentFormat.YAML))
                .isInstanceOfSatisfying(UnreadableDocumentException.class,
                        e -> assertThat(e.problem().code()).isEqualTo(ProblemCode.DOCUMENT_TOO_LARGE));
    }

    @ParameterizedTest(name = "YAML: {0}")
    @ValueSource(strings = {
        "",
        "   \n# only a comment\n",
        "a: [1, 2",
        "a: 1\na: 2\n",
        "a: 1\n---\nb: 2\n",
        "value: .nan\n",
        "value: !!python/object:os.system [ls]\n",
        "value: !custom 1\n",
        "? [a, b]\n: complex key\n",
        "\tindented: with a tab\n"
    })
    void malformedYamlIsUnparseable(String yaml) {
        assertRefused(yaml, DocumentFormat.YAML, ProblemCode.DOCUMENT_UNPARSEABLE);
    }

    @ParameterizedTest(name = "JSON: {0}")
    @ValueSource(strings = {
        "{\"a\": 1",
        "{\"a\": 1, \"a\": 2}",
        "{} {}",
        "{\"a\": 1} trailing",
        "{'a': 1}",
        "{\"a\": NaN}",
        "// comment\n{}"
    })
    void malformedJsonIsUnparseable(String json) {
        assertRefused(json, DocumentFormat.JSON, ProblemCode.DOCUMENT_UNPARSEABLE);
    }

    @Test
    void invalidUtf8IsUnparseable() {
        byte[] latin1 = "name: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> parser.parse(latin1, DocumentFormat.YAML))
                .isInstanceOfSatisfying(UnreadableDocumentException.class,
                        e -> assertThat(e.problem().code()).isEqualTo(ProblemCode.DOCUMENT_UNPARSEABLE));
    }

    @Test
    void yamlIsReadWithTheYaml12CoreSchema() throws Exception {
        JsonNode tree = parse("""
                a: yes
                b: no
                c: on
                d: true
                e: 2024-05-01
                f: ${HOME}
                g: 0x1F
                h: ~
                i: 1.30
                """);

        assertThat(tree.get("a").isString()).isTrue();
        assertThat(tree.get("b").stringValue()).isEqualTo("no");
        assertThat(tree.get("c").stringValue()).isEqualTo("on");
        assertThat(tree.get("d").booleanValue()).isTrue();
        assertThat(tree.get("e").stringValue()).isEqualTo("2024-05-01");
        assertThat(tree.get("f").stringValue()).isEqualTo("${HOME}");
        assertThat(tree.get("g").intValue()).isEqualTo(31);
        assertThat(tree.get("h").isNull()).isTrue();
        assertThat(tree.get("i").doubleValue()).isEqualTo(1.3);
    }

    @Test
    void fewAliasesAreFine() throws Exception {
        JsonNode tree = parse("""
                base: &tags {owner: team-a}
                copy: *tags
                """);

        assertThat(tree.get("copy").get("owner").stringValue()).isEqualTo("team-a");
    }

    @Test
    void byteOrderMarkIsIgnored() throws Exception {
        assertThat(parse("\uFEFFa: 1").get("a").intValue()).isEqualTo(1);
    }

    @Test
    void unparseableMessagesSayWhere() {
        ValidationResult result = new BlueprintValidator().validate("a: [1, 2\nb: 3", DocumentFormat.YAML);

        assertThat(result).isInstanceOf(ValidationResult.Unreadable.class);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).isEmpty();
            assertThat(problem.message()).startsWith("not valid YAML: line ");
        });
    }

    private JsonNode parse(String yaml) throws UnreadableDocumentException {
        return parser.parse(yaml.getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML);
    }

    private void assertRefused(String document, DocumentFormat format, ProblemCode code) {
        assertThatThrownBy(() -> parser.parse(document.getBytes(StandardCharsets.UTF_8), format))
                .isInstanceOfSatisfying(UnreadableDocumentException.class, e -> {
                    assertThat(e.problem().code()).isEqualTo(code);
                    assertThat(e.problem().code().kind()).isEqualTo(ProblemCode.Kind.UNREADABLE);
                    assertThat(e.problem().message()).isNotBlank();
                });
    }
}
