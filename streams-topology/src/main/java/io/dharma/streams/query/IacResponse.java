package io.dharma.streams.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dharma.events.GenerationError;
import io.dharma.events.IacEvent;
import io.dharma.events.IacGenerated;
import io.dharma.events.IacGenerationFailed;
import io.dharma.events.TerraformResource;

/**
 * The Terraform generated for one blueprint version ({@code status} GENERATED: its files, without
 * their content, which {@code links.files} serves one by one and {@code links.zip*} as a module),
 * or why it could not be generated ({@code status} FAILED: {@code failure}).
 */
public record IacResponse(String blueprintId, int version, String cloud, String status, String contentHash,
        String generatorVersion, List<Resource> resources, List<File> files, Failure failure, Instant generatedAt,
        String eventId, Map<String, String> links) {

    public static final String GENERATED = "GENERATED";
    public static final String FAILED = "FAILED";

    public record Resource(String address, String resourceName) {
    }

    /** One file: {@code format} hcl or json, {@code size} in bytes (UTF-8), {@code sha256} lower-case hex. */
    public record File(String path, String format, int size, String sha256) {
    }

    public record Failure(String reason, List<Error> errors) {
    }

    public record Error(String resourceName, String message) {
    }

    static IacResponse of(IacEvent event, Optional<IacModule.Format> format) {
        String blueprintId = event.getEnvelope().getBlueprintId();
        int version = event.getEnvelope().getBlueprintVersion();
        String base = ResultPaths.version(blueprintId, version) + "/iac";
        Map<String, String> links = new LinkedHashMap<>();
        String cloud = event.getCloud().name();
        Instant at = event.getEnvelope().getOccurredAt();
        String eventId = String.valueOf(event.getEnvelope().getEventId());
        if (event.getPayload() instanceof IacGenerated generated) {
            links.put("files", base + "/files/");
            links.put("zipHcl", base + ".zip?format=hcl");
            links.put("zipJson", base + ".zip?format=json");
            List<File> files = generated.getFiles().stream()
                    .filter(file -> IacModule.matches(file, format))
                    .map(file -> {
                        byte[] bytes = IacModule.bytes(file);
                        return new File(file.getPath(),
                                IacModule.Format.of(file.getPath()).map(IacModule.Format::id).orElse(null),
                                bytes.length, IacModule.sha256(bytes));
                    })
                    .toList();
            List<Resource> resources = generated.getResources().stream()
                    .map((TerraformResource resource) -> new Resource(resource.getAddress(), resource.getResourceName()))
                    .toList();
            return new IacResponse(blueprintId, version, cloud, GENERATED, generated.getContentHash(),
                    generated.getGeneratorVersion(), resources, files, null, at, eventId, links);
        }
        IacGenerationFailed failed = (IacGenerationFailed) event.getPayload();
        Failure failure = new Failure(failed.getReason(), failed.getErrors().stream()
                .map((GenerationError error) -> new Error(error.getResourceName(), error.getMessage())).toList());
        return new IacResponse(blueprintId, version, cloud, FAILED, null, null, List.of(), List.of(), failure, at,
                eventId, links);
    }
}
