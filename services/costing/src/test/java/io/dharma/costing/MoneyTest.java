package io.dharma.costing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.costing.estimate.LinePrice;
import io.dharma.costing.estimate.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The documented rounding rule: unit price x quantity, half-even to 4 decimals, totals exact. */
class MoneyTest {

    @Test
    void monthlyRoundsHalfEvenToFourDecimals() {
        assertThat(Money.monthly(new BigDecimal("0.12345"), BigDecimal.ONE)).isEqualTo(new BigDecimal("0.1234"));
        assertThat(Money.monthly(new BigDecimal("0.12355"), BigDecimal.ONE)).isEqualTo(new BigDecimal("0.1236"));
        assertThat(Money.monthly(new BigDecimal("0.123451"), BigDecimal.ONE)).isEqualTo(new BigDecimal("0.1235"));
    }

    @Test
    void monthlyIsExactForCataloguePrices() {
        // 0.0000000001 (the smallest unit price the event carries) x 730 hours
        assertThat(Money.monthly(new BigDecimal("0.0000000001"), new BigDecimal("730"))).isEqualTo(new BigDecimal("0.0000"));
        assertThat(LinePrice.of("m6i.2xlarge", new BigDecimal("0.384"), "hour", new BigDecimal("730")).monthly())
                .isEqualTo(new BigDecimal("280.3200"));
    }
}
