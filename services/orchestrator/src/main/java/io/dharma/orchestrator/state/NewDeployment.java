package io.dharma.orchestrator.state;

import io.dharma.events.DeploymentOperation;
import io.dharma.orchestrator.events.Subject;
import java.util.UUID;

/**
 * What a deployment starts with; the store adds its sequence number and timestamps. Its parts are
 * named, so a caller says which one it has not got ({@link Stack#UNKNOWN}, {@link People#NONE})
 * instead of counting nulls.
 */
public record NewDeployment(UUID deploymentId, Subject subject, Start start, Stack stack, Iac iac, People people) {

    /**
     * Where the deployment starts.
     *
     * @param runCauseEventId the event the next step reacts to (see {@link Deployment})
     */
    public record Start(DeploymentOperation operation, DeploymentStatus status, String statusReason,
            UUID runCauseEventId) {
    }

    /**
     * What is deployed and where.
     *
     * @param blueprintJson canonical JSON of the version to deploy; null for a destroy
     */
    public record Stack(String blueprintName, String cloud, String region, String blueprintJson) {

        /** The submission never arrived (the version was superseded before it). */
        public static final Stack UNKNOWN = new Stack(null, null, null, null);

        public static Stack of(JoinedVersion.Submission submission) {
            return submission == null ? UNKNOWN
                    : new Stack(submission.name(), submission.cloud(), submission.region(), submission.blueprintJson());
        }

        /** The stack {@code deployment} deployed, to be destroyed: no blueprint JSON is needed. */
        public static Stack toDestroy(Deployment deployment) {
            return new Stack(deployment.blueprintName(), deployment.cloud(), deployment.region(), null);
        }
    }

    /** The Terraform to run and the executor that runs it. */
    public record Iac(String contentHash, String executor) {
    }

    /** Who asked for the deployment and who decided on it, with the decision's comment. */
    public record People(String requestedBy, String decidedBy, String decisionComment) {

        public static final People NONE = new People(null, null, null);

        public static People requestedBy(String user) {
            return new People(user, null, null);
        }

        public static People decidedBy(String decidedBy, String comment) {
            return new People(null, decidedBy, comment);
        }
    }
}
