package io.dharma.guardrails;

import io.dharma.blueprint.Blueprint;

/**
 * Small blueprint documents for policy tests. Each is validated by the real blueprint validator
 * (so a test cannot evaluate something intake would refuse); the defaults pass every built-in:
 * aws us-east-1, dev, tagged with owner and cost-center.
 */
public final class TestBlueprints {

    /** A network and a private subnet, for resources that need one (subnet: sub). */
    public static final String NETWORK = """
            - {name: net, type: network}
            - {name: sub, type: subnet, properties: {network: net, cidr: 10.0.1.0/24}}
            """;

    private String environment = "dev";
    private String cloud = "aws";
    private String region = "us-east-1";
    private String tags = "{owner: team-a, cost-center: cc-1}";
    private String resources = "";
    private String budget = "";

    public static TestBlueprints dev() {
        return new TestBlueprints();
    }

    public static TestBlueprints in(String environment) {
        TestBlueprints blueprint = new TestBlueprints();
        blueprint.environment = environment;
        return blueprint;
    }

    public TestBlueprints region(String cloud, String region) {
        this.cloud = cloud;
        this.region = region;
        return this;
    }

    /** Tags as a YAML flow mapping, for example {@code {owner: x}}. */
    public TestBlueprints tags(String tags) {
        this.tags = tags;
        return this;
    }

    public TestBlueprints budget(String monthlyUsd) {
        this.budget = "  budget:\n    monthlyUsd: " + monthlyUsd + "\n";
        return this;
    }

    /** Resources as YAML list items (one per line, flow style). */
    public TestBlueprints resources(String resources) {
        this.resources = resources;
        return this;
    }

    public String yaml() {
        String list = resources.isBlank() ? "  resources: []\n"
                : "  resources:\n" + resources.stripIndent().lines().map(line -> "    " + line).reduce("", (a, b) -> a + b + "\n");
        return """
                apiVersion: dharma/v1
                kind: Blueprint
                metadata:
                  name: test-blueprint
                  environment: %s
                  tags: %s
                spec:
                  cloud: %s
                  region: %s
                  approval: auto
                """.formatted(environment, tags, cloud, region) + budget + list;
    }

    public Blueprint build() {
        return GuardrailsFixture.blueprint(yaml());
    }

    @Override
    public String toString() {
        return environment + " " + cloud + "/" + region + " " + resources.strip().replace('\n', ' ');
    }
}
