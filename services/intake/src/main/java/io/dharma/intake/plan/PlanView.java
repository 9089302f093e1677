package io.dharma.intake.plan;

import tools.jackson.databind.JsonNode;

/**
 * The answer of {@code POST /api/v1/blueprints/plan}: the blueprint, its Terraform (files listed
 * with their sizes), the guardrails verdict and the cost estimate as the stages gave them, and the
 * change summary against what is deployed.
 */
public record PlanView(BlueprintRef blueprint, JsonNode iac, JsonNode verdict, JsonNode cost, ChangeSummary changes) {

    /**
     * @param blueprintId   the id of the tenant's blueprint of this name; null for a new one
     * @param latestVersion its latest submitted version; 0 for a new one
     */
    public record BlueprintRef(String name, String blueprintId, int latestVersion, String cloud, String region,
            String environment) {
    }
}
