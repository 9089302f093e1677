package io.dharma.intake;

import io.dharma.intake.api.BlueprintsController;
import io.dharma.intake.api.IntakeProblemResponses;
import io.dharma.intake.api.SubmissionsController;
import io.dharma.intake.plan.PlanService;
import io.dharma.intake.plan.StageClient;
import io.dharma.intake.store.BlueprintQuota;
import io.dharma.intake.store.BlueprintStore;
import io.dharma.intake.submission.SubmissionService;
import io.dharma.kafka.housekeeping.PurgeTarget;
import io.dharma.kafka.outbox.DharmaOutboxAutoConfiguration;
import java.time.Duration;
import io.dharma.database.MigratesSchema;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * The intake service's beans, for running it alone ({@code app.IntakeApplication}) or inside the
 * one-JVM launcher. Bean names start with {@code intake} so they never clash with another
 * service's, and nothing shared is looked up by type alone.
 *
 * <p>Intake owns the PostgreSQL schema {@value #SCHEMA}: its own Flyway (migrations in
 * {@code classpath:db/intake}, history table in that schema) runs before anything touches the
 * database, so services sharing one database never mix their migrations.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class, DharmaOutboxAutoConfiguration.class})
@EnableConfigurationProperties(IntakeProperties.class)
@Import({BlueprintsController.class, SubmissionsController.class, IntakeProblemResponses.class,
    SubmissionService.class, BlueprintStore.class, BlueprintQuota.class})
@MigratesSchema(IntakeAutoConfiguration.SCHEMA)
public class IntakeAutoConfiguration {

    public static final String SCHEMA = "intake";

    @Bean
    PlanService intakePlanService(BlueprintStore store, IntakeProperties properties,
            ObjectProvider<RestClient.Builder> restClients, ObjectProvider<ObservationRegistry> observations) {
        // Boot's builder is the observed one (its calls carry the plan request's trace to the stages).
        return new PlanService(store, properties, new StageClient(restClients.getIfAvailable(RestClient::builder),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), properties.plan().timeout()));
    }

    /**
     * A retry with the same Idempotency-Key gets the same tracking ID for 24 hours, as Stripe's keys
     * do: long enough for any client's retries, after which the key may name a new submission.
     */
    @Bean
    PurgeTarget intakeIdempotencyKeysPurge() {
        return new PurgeTarget("idempotency-keys", SCHEMA + ".idempotency_key", "created_at", Duration.ofHours(24));
    }
}
