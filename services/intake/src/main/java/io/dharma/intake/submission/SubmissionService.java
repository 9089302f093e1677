package io.dharma.intake.submission;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelope;
import io.dharma.events.Envelopes;
import io.dharma.intake.store.BlueprintQuota;
import io.dharma.intake.store.BlueprintStore;
import io.dharma.intake.store.IdempotencyKeyUse;
import io.dharma.intake.store.NewVersion;
import io.dharma.intake.store.TrackedVersion;
import io.dharma.intake.store.VersionRef;
import io.dharma.kafka.outbox.Outbox;
import io.dharma.topics.DharmaTopic;
import io.dharma.web.quota.Quotas;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a submitted document: validates it, then stores the new version and its
 * BlueprintSubmitted event (in the platform outbox) in one transaction. Nothing is accepted before
 * that transaction commits; Kafka is never waited on.
 */
@Service
public class SubmissionService {

    public static final String PRODUCER = "intake";

    /** Counter of accepted submissions (not replays), tagged {@code cloud} and {@code environment}. */
    public static final String SUBMITTED_METRIC = "dharma.blueprints.submitted";

    private final BlueprintValidator validator;
    private final BlueprintStore store;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final Envelopes envelopes;
    private final Quotas quotas;
    private final BlueprintQuota blueprintQuota;
    private final MeterRegistry meters;

    public SubmissionService(BlueprintStore store, TransactionTemplate transactions, Outbox outbox, Quotas quotas,
            BlueprintQuota blueprintQuota, MeterRegistry meters) {
        this.validator = new BlueprintValidator();
        this.store = store;
        this.transactions = transactions;
        this.outbox = outbox;
        this.quotas = quotas;
        this.blueprintQuota = blueprintQuota;
        this.meters = meters;
        this.envelopes = Envelopes.forProducer(PRODUCER);
    }

    /**
     * Validates and stores {@code document}. A retry with the same {@code idempotencyKey} and the
     * same request returns the original submission; with a different request it throws
     * {@link IdempotencyKeyReusedException}. An invalid document throws {@link BlueprintRejectedException};
     * one whose event would be larger than the topic accepts throws
     * {@link io.dharma.kafka.outbox.EventTooLargeException}, and nothing is stored. A new blueprint
     * beyond the tenant's quota is refused with {@code 403 quota.exceeded}; a new version of one it
     * has is not.
     */
    public Submission submit(String tenantId, String submittedBy, byte[] document, DocumentFormat format,
            String mediaType, Optional<String> idempotencyKey) {
        ValidationResult result = validator.validate(document, format);
        if (!(result instanceof ValidationResult.Valid valid)) {
            throw new BlueprintRejectedException(result);
        }
        String requestHash = requestHash(document, format);
        Submission submission = transactions.execute(status -> {
            UUID trackingId = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (idempotencyKey.isPresent()
                    && !store.claimIdempotencyKey(tenantId, idempotencyKey.get(), requestHash, trackingId, now)) {
                return replay(tenantId, idempotencyKey.get(), requestHash);
            }
            return store(tenantId, submittedBy, trackingId, valid.blueprint(), new String(document, StandardCharsets.UTF_8),
                    mediaType);
        });
        if (!submission.replayed()) {
            // Counted once committed: a submission rolled back (quota, too large) was never accepted.
            Counter.builder(SUBMITTED_METRIC).description("Blueprint versions accepted")
                    .tag("cloud", valid.blueprint().spec().cloud().id())
                    .tag("environment", valid.blueprint().metadata().environment().id())
                    .register(meters).increment();
        }
        return submission;
    }

    private Submission store(String tenantId, String submittedBy, UUID trackingId, Blueprint blueprint, String document,
            String mediaType) {
        if (!store.exists(tenantId, blueprint.name())) {
            quotas.requireRoom(blueprintQuota, tenantId);
        }
        VersionRef ref = store.nextVersion(tenantId, blueprint.name(), OffsetDateTime.now(ZoneOffset.UTC));
        Envelope envelope = envelopes.originating(tenantId, trackingId.toString(), ref.blueprintId().toString(), ref.version());
        BlueprintSubmitted event = BlueprintEvents.submitted(blueprint, envelope, document, mediaType, submittedBy);
        store.insertVersion(new NewVersion(
                ref.blueprintId(),
                ref.version(),
                trackingId,
                envelope.getEventId(),
                document,
                mediaType,
                blueprint.canonicalJson(),
                event.getContentHash(),
                envelope.getOccurredAt().atOffset(ZoneOffset.UTC),
                submittedBy));
        // Refused here, rolling the transaction back, rather than accepted and then set aside by the relay.
        outbox.appendWithinLimit(DharmaTopic.BLUEPRINTS, event);
        return new Submission(trackingId, ref.blueprintId(), ref.version(), false);
    }

    private Submission replay(String tenantId, String key, String requestHash) {
        IdempotencyKeyUse use = store.findIdempotencyKey(tenantId, key).orElseThrow();
        if (!use.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException(key);
        }
        TrackedVersion original = store.findByTrackingId(use.trackingId()).orElseThrow();
        return new Submission(original.trackingId(), original.blueprintId(), original.version(), true);
    }

    private static String requestHash(byte[] document, DocumentFormat format) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(format.name().getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
            return HexFormat.of().formatHex(digest.digest(document));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
