package io.dharma.notifier.api;

import java.util.List;
import java.util.Map;

/**
 * A new subscription.
 *
 * @param target webhook, slack, jira or servicenow
 * @param url where to send: the webhook's URL, Slack's incoming webhook URL, the Jira Cloud site
 *     or the ServiceNow instance
 * @param events which notifications (default: all)
 * @param blueprints only these blueprint ids (default: any)
 * @param environments only these environments (default: any)
 * @param credentials Jira's {@code email:api-token} or ServiceNow's {@code user:password}; stored encrypted
 * @param options the target's settings (Jira: {@code project}, {@code issueType}, {@code doneTransition})
 * @param approvalKey ServiceNow only: a Dharma API key of the tenant with the approver role, with
 *     which the decisions taken in ServiceNow are relayed to the orchestrator; stored encrypted
 */
public record SubscriptionRequest(String target, String url, List<String> events, List<String> blueprints,
        List<String> environments, String credentials, Map<String, String> options, String approvalKey) {
}
