package io.dharma.generator.events;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelopes;
import io.dharma.events.GenerationError;
import io.dharma.events.IacEvent;
import io.dharma.events.IacGenerated;
import io.dharma.events.IacGenerationFailed;
import io.dharma.events.TerraformFile;
import io.dharma.events.TerraformResource;
import io.dharma.generator.GenerationResult;
import io.dharma.generator.TerraformConfiguration;
import io.dharma.generator.TerraformGenerator;
import io.dharma.kafka.processing.OnCommit;
import io.dharma.kafka.processing.UnprocessableEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * The IacEvent that answers a BlueprintSubmitted on {@code dharma.iac.v1}: IacGenerated, or
 * IacGenerationFailed when the blueprint cannot be expressed on its cloud (a business outcome the
 * orchestrator acts on). An event that does not describe a blueprint goes to the dead-letter topic
 * (the platform does that for unreadable records and IllegalArgumentException); so does an
 * unexpected generator error, which is a defect to fix and replay rather than a verdict on the
 * blueprint. The envelope reacts to the BlueprintSubmitted event with a fixed reaction key, so
 * reprocessing the same input (after a crash or a replay) emits the same eventId and downstream
 * deduplication recognises it.
 */
public final class IacEvents {

    static final String REACTION = "iac";

    /** Counter of answers, tagged {@code cloud} and {@code outcome} ({@code generated} or {@code failed}). */
    public static final String GENERATED_METRIC = "dharma.iac.generated";

    private final Envelopes envelopes;
    private final TerraformGenerator generator;
    private final String generatorVersion;
    private final MeterRegistry meters;

    public IacEvents(Envelopes envelopes, TerraformGenerator generator, String generatorVersion, MeterRegistry meters) {
        this.envelopes = Objects.requireNonNull(envelopes, "envelopes");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.generatorVersion = Objects.requireNonNull(generatorVersion, "generatorVersion");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    public IacEvent answer(BlueprintSubmitted submitted) {
        Blueprint blueprint = BlueprintEvents.blueprintOf(submitted);
        GenerationResult result = UnprocessableEventException.onFailureOf(submitted.getEnvelope(),
                "made the generator fail", () -> generator.generate(blueprint));
        Counter generated = Counter.builder(GENERATED_METRIC).description("IaC answers to blueprint versions")
                .tag("cloud", blueprint.spec().cloud().id())
                .tag("outcome", result instanceof GenerationResult.Generated ? "generated" : "failed")
                .register(meters);
        OnCommit.run("counting the IaC answer", generated::increment);
        return of(submitted, result);
    }

    public IacEvent of(BlueprintSubmitted cause, GenerationResult result) {
        return IacEvent.newBuilder()
                .setEnvelope(envelopes.reactingTo(cause.getEnvelope(), REACTION))
                .setCloud(cause.getCloud())
                .setPayload(switch (result) {
                    case GenerationResult.Generated generated -> generated(generated.configuration());
                    case GenerationResult.Failed failed -> failed(failed);
                })
                .build();
    }

    private IacGenerated generated(TerraformConfiguration configuration) {
        return IacGenerated.newBuilder()
                .setFiles(configuration.files().stream()
                        .map(file -> new TerraformFile(file.path(), file.content()))
                        .toList())
                .setContentHash(configuration.contentHash())
                .setResources(configuration.resources().stream()
                        .map(resource -> new TerraformResource(resource.address(), resource.resourceName()))
                        .toList())
                .setGeneratorVersion(generatorVersion)
                .build();
    }

    private static IacGenerationFailed failed(GenerationResult.Failed failed) {
        return IacGenerationFailed.newBuilder()
                .setReason(failed.reason())
                .setErrors(failed.problems().stream()
                        .map(problem -> new GenerationError(problem.resourceName().orElse(null), problem.message()))
                        .toList())
                .build();
    }

}
