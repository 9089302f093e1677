package io.dharma.costing.pricing;

import io.dharma.blueprint.ResourceSpec;
import io.dharma.costing.catalogue.PriceTable;
import io.dharma.costing.estimate.LineItem;
import io.dharma.costing.estimate.LinePrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the line items of one resource, looking each price up in the context's region. */
final class LineItems {

    static final String HOUR = "hour";
    static final String GB_MONTH = "GB-month";
    static final String DISK_MONTH = "disk-month";
    static final String MONTH = "month";

    private final PricingContext context;
    private final ResourceSpec resource;
    private final List<LineItem> lines = new ArrayList<>();

    LineItems(PricingContext context, ResourceSpec resource) {
        this.context = context;
        this.resource = resource;
    }

    /** {@code units} of an hourly SKU running all month: quantity = units x hours per month. */
    void hourly(PriceTable table, String sku, long units) {
        add(table, sku, HOUR, context.catalogue().hoursPerMonth().multiply(BigDecimal.valueOf(units)));
    }

    void perGbMonth(PriceTable table, String sku, long gigabytes) {
        add(table, sku, GB_MONTH, BigDecimal.valueOf(gigabytes));
    }

    void perDiskMonth(PriceTable table, String sku, long disks) {
        add(table, sku, DISK_MONTH, BigDecimal.valueOf(disks));
    }

    /** A resource the cloud does not charge for: a priced line of zero, so the estimate shows it was considered. */
    void free(String sku) {
        lines.add(LineItem.priced(resource.name(), resource.type(), LinePrice.of(sku, BigDecimal.ZERO, MONTH, BigDecimal.ONE)));
    }

    void unpriced(String reason) {
        lines.add(LineItem.unpriced(resource.name(), resource.type(), reason));
    }

    List<LineItem> lines() {
        return List.copyOf(lines);
    }

    private void add(PriceTable table, String sku, String unit, BigDecimal quantity) {
        if (context.prices().isEmpty()) {
            unpriced(table.key() + " " + sku + ": " + context.missingPricesReason());
            return;
        }
        Optional<BigDecimal> price = context.prices().get().price(table, sku);
        if (price.isEmpty()) {
            unpriced(table.key() + " " + sku + ": price catalogue " + context.catalogue().version()
                    + " has no price for it in " + context.cloud().id() + " region " + context.region().orElseThrow());
            return;
        }
        lines.add(LineItem.priced(resource.name(), resource.type(), LinePrice.of(sku, price.get(), unit, quantity)));
    }
}
