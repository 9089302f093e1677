package io.dharma.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReplayedRecordTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theJsonLineIsTheJsonObjectOnOneLine() {
        ReplayedRecord decoded = new ReplayedRecord("dharma.deployments.v1", 2, 41, Instant.parse("2026-12-06T10:15:30Z"),
                "bp-1", List.of(new ReplayedRecord.Header("origin", "test", null)),
                "{\"envelope\":{\"eventId\":\"e-1\"},\"payload\":{\"io.dharma.events.DeploymentSucceeded\":{\"n\":3}}}", null);
        ReplayedRecord undecodable = new ReplayedRecord("dharma.deployments.v1", 0, 7, Instant.EPOCH, null, List.of(),
                null, "Unknown magic byte");

        for (ReplayedRecord record : List.of(decoded, undecodable)) {
            String line = record.toJsonLine();
            assertThat(line).doesNotContain("\n");
            assertThat(line).isEqualTo(JSON.writeValueAsString(record.toJson()));
        }
        assertThat(decoded.toJsonLine()).endsWith(",\"value\":{\"envelope\":{\"eventId\":\"e-1\"},"
                + "\"payload\":{\"io.dharma.events.DeploymentSucceeded\":{\"n\":3}}}}");
    }
}
