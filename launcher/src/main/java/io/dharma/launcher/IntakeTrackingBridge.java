package io.dharma.launcher;

import java.util.UUID;

import io.dharma.intake.store.BlueprintStore;
import io.dharma.streams.query.AcceptedSubmission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the streams application's tracking URL answer {@code ACCEPTED} from the moment the intake returns 202,
 * before the submission's event reaches the state: both run in this JVM, so the state asks the
 * intake's store for trackings it has not folded yet.
 */
@Configuration(proxyBeanMethods = false)
class IntakeTrackingBridge {

    @Bean
    AcceptedSubmission.Lookup intakeAcceptedSubmissions(BlueprintStore intakeStore) {
        return trackingId -> {
            UUID id;
            try {
                id = UUID.fromString(trackingId);
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
            return intakeStore.findByTrackingId(id).map(version -> new AcceptedSubmission(
                    version.trackingId().toString(), version.tenantId(), version.blueprintId().toString(),
                    version.version(), version.submittedAt().toInstant()));
        };
    }
}
