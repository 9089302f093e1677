package io.dharma.guardrails.api;

import java.util.List;

/**
 * Every policy the tenant can see, and the version of its current policy set (the one the next
 * verdict will carry). Not paged: a tenant has at most {@code dharma.quotas.policies}
 * policies of its own.
 */
record PolicyListView(List<PolicyView> items, int totalItems, String policySetVersion) {
}
