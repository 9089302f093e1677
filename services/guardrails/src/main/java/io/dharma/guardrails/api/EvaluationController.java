package io.dharma.guardrails.api;

import io.dharma.blueprint.Blueprint;
import io.dharma.guardrails.evaluation.TenantEvaluation;
import io.dharma.guardrails.evaluation.Violation;
import io.dharma.web.BlueprintBodies;
import io.dharma.web.Caller;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/policies/evaluate}: the verdict the caller's tenant's policies would give a
 * blueprint now, kept nowhere (the dry run, ADR 0026). The same {@link TenantEvaluation} the
 * reaction to {@code BlueprintSubmitted} uses; {@code now} is the time of the request.
 */
@RestController
public class EvaluationController {

    private final TenantEvaluation evaluation;
    private final Clock clock = Clock.systemUTC();

    public EvaluationController(TenantEvaluation guardrailsTenantEvaluation) {
        this.evaluation = guardrailsTenantEvaluation;
    }

    @PostMapping(path = "/api/v1/policies/evaluate", produces = MediaType.APPLICATION_JSON_VALUE)
    EvaluationView evaluate(Caller caller, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody byte[] body) {
        Blueprint blueprint = BlueprintBodies.validBlueprint(body, contentType);
        return EvaluationView.of(evaluation.evaluate(caller.tenant(), blueprint, clock.instant()));
    }

    /** @param outcome {@code PASSED}, {@code PASSED_WITH_WARNINGS} or {@code BLOCKED} */
    public record EvaluationView(String outcome, int policiesEvaluated, String policySetVersion,
            List<ViolationView> violations) {

        /** @param resourceName null for a blueprint-level policy */
        public record ViolationView(String policyId, String title, String severity, String enforcement,
                String resourceName, String message, String remediation) {

            static ViolationView of(Violation violation) {
                return new ViolationView(violation.policyId(), violation.title(), violation.severity().name(),
                        violation.enforcement().name(), violation.resourceName().orElse(null), violation.message(),
                        violation.remediation().orElse(null));
            }
        }

        static EvaluationView of(TenantEvaluation.Result result) {
            return new EvaluationView(result.verdict().outcome().name(), result.verdict().policiesEvaluated(),
                    result.policySetVersion(), result.verdict().violations().stream().map(ViolationView::of).toList());
        }
    }
}
