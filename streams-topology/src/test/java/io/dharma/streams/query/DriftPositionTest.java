package io.dharma.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class DriftPositionTest {

    @Test
    void aPageEndingInsideABlueprintResumesWithItsNextResource() {
        DriftResponse.Position end = DriftResponse.Position.of(item("bp-2", "aws_s3_bucket.logs"));

        assertThat(end.isBefore(item("bp-2", "aws_s3_bucket.logs"))).as("the last item shown").isFalse();
        assertThat(end.isBefore(item("bp-2", "aws_s3_bucket.assets"))).isFalse();
        assertThat(end.isBefore(item("bp-1", "aws_vpc.main"))).isFalse();
        assertThat(end.isBefore(item("bp-2", "aws_vpc.main"))).isTrue();
        assertThat(end.isBefore(item("bp-3", "aws_s3_bucket.assets"))).isTrue();
    }

    @Test
    void aPositionSurvivesItsTextAndOnlyItsTextParses() {
        DriftResponse.Position end = new DriftResponse.Position("bp-2", "module.x.aws_vpc.main");

        assertThat(DriftResponse.Position.parse(end.text())).contains(end);
        assertThat(DriftResponse.Position.parse("no separator")).isEmpty();
    }

    private static DriftResponse.Item item(String blueprintId, String address) {
        return new DriftResponse.Item(blueprintId, "dep", address, "name", "type", "id", false, Instant.EPOCH, List.of());
    }
}
