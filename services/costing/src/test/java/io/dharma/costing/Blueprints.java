package io.dharma.costing;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Blueprints for tests, read and validated exactly as intake does. */
final class Blueprints {

    static final Path EXAMPLES = Path.of("../../examples");

    private static final BlueprintValidator VALIDATOR = new BlueprintValidator();

    private Blueprints() {
    }

    static Blueprint example(String file) {
        try {
            return yaml(Files.readString(EXAMPLES.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String exampleText(String file) {
        try {
            return Files.readString(EXAMPLES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Blueprint yaml(String document) {
        ValidationResult result = VALIDATOR.validate(document, DocumentFormat.YAML);
        if (result instanceof ValidationResult.Valid valid) {
            return valid.blueprint();
        }
        throw new IllegalArgumentException("test blueprint is not valid: " + result);
    }

    /**
     * A valid dev blueprint on {@code cloud}/{@code region} with a network {@code net}, a subnet
     * {@code sub} and the given resources (YAML list items starting at column 0); {@code budget}
     * may be null.
     */
    static Blueprint of(String cloud, String region, String budget, String resources) {
        return yaml("apiVersion: dharma/v1\nkind: Blueprint\n"
                + "metadata:\n  name: cost-test\n  environment: dev\n"
                + "spec:\n  cloud: " + cloud + "\n  region: " + region + "\n"
                + (budget == null ? "" : "  budget:\n    monthlyUsd: " + budget + "\n")
                + "  approval: auto\n  resources:\n"
                + "    - name: net\n      type: network\n"
                + "    - name: sub\n      type: subnet\n      properties: { network: net, cidr: 10.0.1.0/24 }\n"
                + resources.indent(4));
    }
}
