package io.dharma.blueprint;

import java.math.BigDecimal;
import java.util.Objects;

/** The monthly spend a blueprint's owner expects, in US dollars; the cost estimator compares against it. */
public record Budget(BigDecimal monthlyUsd) {

    public Budget {
        Objects.requireNonNull(monthlyUsd, "monthlyUsd");
        if (monthlyUsd.signum() <= 0) {
            throw new IllegalArgumentException("monthlyUsd must be greater than 0, got " + monthlyUsd);
        }
        monthlyUsd = monthlyUsd.stripTrailingZeros();
    }
}
