package io.dharma.orchestrator.decision;

import io.dharma.events.BlockReasonKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** What becomes of a blueprint version once its verdicts are in. */
public sealed interface Decision {

    /** It may not be deployed; every reason found. */
    record Blocked(List<Reason> reasons) implements Decision {

        public Blocked {
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a blocked decision needs at least one reason");
            }
            reasons = List.copyOf(reasons);
        }
    }

    /** It waits for a human approver; {@code reason} says why approval is needed. */
    record AwaitingApproval(String reason, BigDecimal estimatedMonthly, String currency, int warningCount)
            implements Decision {
    }

    /** It deploys at once, approved by the platform. */
    record AutoApproved(String comment) implements Decision {
    }

    /** One reason a version is blocked; {@code policyId} only for guardrail reasons. */
    record Reason(BlockReasonKind kind, String message, String policyId) {

        public Reason {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }
}
