package io.dharma.orchestrator.support;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.testing.ExampleBlueprints;
import java.nio.charset.StandardCharsets;

/** Blueprints for tests, validated the way intake validates submissions. */
public final class TestBlueprints {

    private static final BlueprintValidator VALIDATOR = new BlueprintValidator();

    private TestBlueprints() {
    }

    /** An example from the repository's examples/ folder. */
    public static Blueprint example(String fileName) {
        return ExampleBlueprints.blueprint(fileName);
    }

    /**
     * A small AWS blueprint: a network, {@code subnets} subnets and a bucket; {@code versioning}
     * changes the bucket only, so two calls that differ in it differ by one update.
     */
    public static Blueprint small(String name, String environment, String approval, int subnets, boolean versioning) {
        StringBuilder resources = new StringBuilder("""
                    - name: net
                      type: network
                      properties: {cidr: 10.1.0.0/16}
                    - name: files
                      type: storage.bucket
                      properties: {versioning: %s}
                """.formatted(versioning));
        for (int i = 0; i < subnets; i++) {
            resources.append("""
                        - name: sub-%d
                          type: subnet
                          properties: {network: net, cidr: 10.1.%d.0/24}
                    """.formatted(i, i));
        }
        return parse("""
                apiVersion: dharma/v1
                kind: Blueprint
                metadata:
                  name: %s
                  environment: %s
                  tags: {owner: team-test}
                spec:
                  cloud: aws
                  region: eu-west-1
                  budget: {monthlyUsd: 500}
                  approval: %s
                  resources:
                %s""".formatted(name, environment, approval, resources.toString().indent(2)));
    }

    public static int resourceCount(Blueprint blueprint) {
        return blueprint.spec().resources().size();
    }

    /** A blueprint from its YAML text, which must be valid. */
    public static Blueprint parse(String yaml) {
        ValidationResult result = VALIDATOR.validate(yaml.getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML);
        if (result instanceof ValidationResult.Valid valid) {
            return valid.blueprint();
        }
        throw new IllegalArgumentException("test blueprint is not valid: " + result);
    }
}
