package io.dharma.kafka.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.dharma.kafka.lifecycle.RetrySettings;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class DharmaProcessingPropertiesTest {

    static DharmaProcessingProperties withPrefix(String prefix) {
        return new DharmaProcessingProperties(true, prefix,
                new RetrySettings(4, Duration.ofMillis(500), 2, Duration.ofSeconds(10)), List.of(), null, null, null);
    }

    @Test
    void withoutAConfiguredPrefixEveryInstanceDrawsItsOwn() {
        DharmaProcessingProperties properties = withPrefix(null);

        String first = properties.effectiveTransactionIdPrefix("dharma-generator");
        String second = properties.effectiveTransactionIdPrefix("dharma-generator");

        assertThat(first).matches("dharma-generator-[0-9a-f]{12}-");
        assertThat(second).matches("dharma-generator-[0-9a-f]{12}-").isNotEqualTo(first);
    }

    @Test
    void aConfiguredPrefixIsUsedAsIs() {
        assertThat(withPrefix("generator-pod-0-").effectiveTransactionIdPrefix("ignored")).isEqualTo("generator-pod-0-");
        assertThat(withPrefix(" ").effectiveTransactionIdPrefix("app")).startsWith("app-");
    }

    @Test
    void retrySettingsAreChecked() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(0, Duration.ofMillis(1), 2, Duration.ofSeconds(1)))
                .withMessageContaining("max-attempts must be >= 1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(3, Duration.ofSeconds(2), 2, Duration.ofSeconds(1)))
                .withMessageContaining("max-interval");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)))
                .withMessageContaining("multiplier");
    }

    @Test
    void anOutageWaitGrowsToItsCap() {
        DharmaProcessingProperties.Outage outage = new DharmaProcessingProperties.Outage(Duration.ofSeconds(1), 2, Duration.ofSeconds(30));

        assertThat(List.of(outage.delay(1), outage.delay(2), outage.delay(5), outage.delay(6), outage.delay(1000)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(16), Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
        assertThat(withPrefix(null).outage()).isEqualTo(outage);
    }
}
