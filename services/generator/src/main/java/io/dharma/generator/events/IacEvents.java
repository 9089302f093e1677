package io.dharma.generator.events;

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
import java.util.Objects;

/**
 * Builds the IacEvent for a generation result. The envelope reacts to the BlueprintSubmitted
 * event with a fixed reaction key, so reprocessing the same input (after a crash or a replay)
 * emits the same eventId and downstream deduplication recognises it.
 */
public final class IacEvents {

    static final String REACTION = "iac";

    private final Envelopes envelopes;
    private final String generatorVersion;

    public IacEvents(Envelopes envelopes, String generatorVersion) {
        this.envelopes = Objects.requireNonNull(envelopes, "envelopes");
        this.generatorVersion = Objects.requireNonNull(generatorVersion, "generatorVersion");
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
