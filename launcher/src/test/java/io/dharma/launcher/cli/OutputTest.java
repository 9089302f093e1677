package io.dharma.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.dharma.operations.GroupResetPlan;
import io.dharma.operations.PartitionReset;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The renderer behind {@code -o table|json|yaml}, on a sample answer of the tracking API. */
class OutputTest {

    private static final String TRACKING = """
            {"trackingId":"trk-1","status":"SUCCEEDED","blueprintId":"bp-1","version":1,"deploymentId":null,
             "stages":[{"kind":"IAC","status":"IAC_GENERATED","occurredAt":"2026-03-01T10:00:01Z",
                        "detail":{"files":"3","cloud":"AWS","enabled":"true"}},
                       {"kind":"COST","status":"COST_ESTIMATED","occurredAt":"2026-03-01T10:00:02Z",
                        "detail":{"totalMonthly":"126.9340","note":"line one\\nline two: with a colon"}}],
             "ratio":0.5,"done":true}""";

    private final JsonNode answer = JsonMapper.builder().build().readTree(TRACKING);

    @Test
    void tableRunsTheCommandsOwnPrinter() {
        String printed = print(OutputFormat.TABLE, out -> out.println("Tracking trk-1: SUCCEEDED"));

        assertThat(printed).isEqualTo("Tracking trk-1: SUCCEEDED" + System.lineSeparator());
    }

    @Test
    void jsonIsTheAnswerPrettyPrintedInItsOwnFieldOrder() {
        String printed = print(OutputFormat.JSON, out -> out.println("not this"));

        assertThat(printed).doesNotContain("not this").startsWith("{" + System.lineSeparator() + "  \"trackingId\": \"trk-1\",");
        assertThat(JsonMapper.builder().build().readTree(printed)).isEqualTo(answer);
        assertThat(printed).isEqualTo(print(OutputFormat.JSON, out -> { }));
    }

    @Test
    void yamlIsTheSameDataAndReadsBackToIt() {
        String printed = print(OutputFormat.YAML, out -> out.println("not this"));

        assertThat(printed).doesNotContain("not this").doesNotStartWith("---").startsWith("trackingId: trk-1");
        assertThat(printed).contains("files: \"3\"").contains("enabled: \"true\"").contains("deploymentId: null");
        assertThat(YAMLMapper.builder().build().readTree(printed)).isEqualTo(answer);
    }

    @Test
    void recordsTheCliReadsItselfBecomeAnArrayOfObjects() {
        record Row(String topic, int partitions, Integer schemaVersion, Instant at) {
        }

        JsonNode tree = Output.tree(List.of(new Row("dharma.blueprints.v1", 6, null, Instant.parse("2026-03-01T10:00:00Z"))));

        assertThat(tree.isArray()).isTrue();
        assertThat(tree.get(0).get("topic").asString()).isEqualTo("dharma.blueprints.v1");
        assertThat(tree.get(0).get("partitions").asInt()).isEqualTo(6);
        assertThat(tree.get(0).get("schemaVersion").isNull()).isTrue();
        assertThat(tree.get(0).get("at").asString()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(YAMLMapper.builder().build().readTree(Output.yaml(tree))).isEqualTo(tree);
    }

    @Test
    void aResetPlanIsOneObjectWithAnEntryPerPartition() {
        GroupResetPlan plan = new GroupResetPlan("dharma-guardrails", Instant.parse("2026-03-01T10:00:00Z"),
                List.of(new PartitionReset(new TopicPartition("dharma.iac.v1", 0), null, 5),
                        new PartitionReset(new TopicPartition("dharma.iac.v1", 1), 9L, 7)), false);

        JsonNode json = JsonMapper.builder().build().readTree(Output.json(ReprocessCommand.toJson(plan)));

        assertThat(json.get("groupId").asString()).isEqualTo("dharma-guardrails");
        assertThat(json.get("to").asString()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(json.get("applied").asBoolean()).isFalse();
        assertThat(json.get("partitions").get(0).get("current").isNull()).isTrue();
        assertThat(json.get("partitions").get(1).get("current").asLong()).isEqualTo(9);
        assertThat(json.get("partitions").get(1).get("target").asLong()).isEqualTo(7);
    }

    @Test
    void theFormatIsTypedInAnyCaseAndAnythingElseIsRefused() {
        OutputFormat.Converter converter = new OutputFormat.Converter();

        assertThat(converter.convert("json")).isEqualTo(OutputFormat.JSON);
        assertThat(converter.convert("YAML")).isEqualTo(OutputFormat.YAML);
        Cli cli = Cli.run("status", "trk-1", "-o", "xml", "--api-url", "http://localhost:1");
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("'xml' is not an output format; use table, json or yaml");
    }

    private String print(OutputFormat format, Consumer<PrintWriter> table) {
        StringWriter text = new StringWriter();
        Output.print(format, new PrintWriter(text), answer, table);
        return text.toString();
    }
}
