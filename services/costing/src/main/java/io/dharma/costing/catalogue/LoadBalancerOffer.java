package io.dharma.costing.catalogue;

import java.util.Optional;

/**
 * What a cloud bills for one load balancer of a type: an hourly SKU that includes
 * {@code includedRules} listener rules (0 = any number), and the SKU of each further rule.
 */
public record LoadBalancerOffer(String sku, int includedRules, Optional<String> extraRuleSku) {
}
