package io.dharma.costing.estimate;

import java.util.Objects;
import java.util.Optional;

/**
 * One cost component of one resource (a resource may have several: compute hours, disk, public
 * IP). Exactly one of {@code pricing} and {@code unpricedReason} is present: a component the
 * catalogue cannot price is reported with the reason, never as zero.
 */
public record LineItem(String resourceName, String resourceType, Optional<LinePrice> pricing, Optional<String> unpricedReason) {

    public LineItem {
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(resourceType, "resourceType");
        if (pricing.isPresent() == unpricedReason.isPresent()) {
            throw new IllegalArgumentException("a line item has either pricing or an unpriced reason");
        }
    }

    public static LineItem priced(String resourceName, String resourceType, LinePrice pricing) {
        return new LineItem(resourceName, resourceType, Optional.of(pricing), Optional.empty());
    }

    public static LineItem unpriced(String resourceName, String resourceType, String reason) {
        return new LineItem(resourceName, resourceType, Optional.empty(), Optional.of(reason));
    }

    public boolean isPriced() {
        return pricing.isPresent();
    }
}
