package io.dharma.guardrails.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.guardrails.GuardrailsFixture;
import org.junit.jupiter.api.Test;

class ExamplesTest {

    @Test
    void print() {
        for (String file : new String[] {"insecure-demo.yaml", "aws-prod-api.yaml", "aws-web-app.yaml", "azure-data-platform.yaml", "gcp-kubernetes-service.yaml"}) {
            Verdict verdict = GuardrailsFixture.evaluateWithBuiltins(GuardrailsFixture.example(file));
            System.out.println(file + " " + verdict.outcome() + " " + verdict.policiesEvaluated());
            verdict.violations().forEach(v -> System.out.println("   " + v));
        }
        assertThat(true).isTrue();
    }
}
