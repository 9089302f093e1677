package io.dharma.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.dharma.web.ApiException;
import io.dharma.web.quota.QuotaProperties;
import io.dharma.web.quota.Quotas;
import org.junit.jupiter.api.Test;

class OpenStreamsTest {

    private final OpenStreams streams = new OpenStreams(
            new Quotas(new QuotaProperties(1000, 100, 200, 100, 2, Map.of()), List::of), 3);

    @Test
    void aTenantBeyondItsStreamQuotaIsRefusedWith403AndAClosedStreamMakesRoom() {
        OpenStreams.Slot first = streams.open("team-a");
        streams.open("team-a");

        assertThatThrownBy(() -> streams.open("team-a")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.error().code()).isEqualTo("quota.exceeded");
            assertThat(e.properties()).containsEntry("quota", "sse-streams").containsEntry("used", 2L);
        });
        first.close();
        streams.open("team-a");
        assertThat(streams.used("team-a")).isEqualTo(2);
    }

    @Test
    void theInstanceServesAtMostItsCapOfAllTenantsTogether() {
        streams.open("team-a");
        streams.open("team-b");
        OpenStreams.Slot third = streams.open("team-c");

        assertThatThrownBy(() -> streams.open("team-d")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error().status().value()).isEqualTo(503));
        third.close();
        streams.open("team-d");
    }

    @Test
    void aStreamThatEndsTwiceIsCountedOnce() {
        OpenStreams.Slot slot = streams.open("team-a");
        streams.open("team-a");

        slot.close();
        slot.close();

        assertThat(streams.used("team-a")).isEqualTo(1);
    }
}
