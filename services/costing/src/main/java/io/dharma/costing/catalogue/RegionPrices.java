package io.dharma.costing.catalogue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** The prices of one region of one cloud: per table, SKU to price. */
public record RegionPrices(String region, String provenance, Map<PriceTable, Map<String, BigDecimal>> tables) {

    public RegionPrices {
        tables = Map.copyOf(tables);
    }

    public Optional<BigDecimal> price(PriceTable table, String sku) {
        return Optional.ofNullable(tables.getOrDefault(table, Map.of()).get(sku));
    }
}
