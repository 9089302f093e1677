package io.dharma.generator.api;

import io.dharma.blueprint.Blueprint;
import io.dharma.generator.GenerationResult;
import io.dharma.generator.TerraformConfiguration;
import io.dharma.generator.TerraformGenerator;
import io.dharma.web.BlueprintBodies;
import io.dharma.web.Caller;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/iac/preview}: the Terraform a blueprint would get, made now and kept nowhere
 * (the dry run, ADR 0026). The same {@link TerraformGenerator#generate} the generator's reaction to
 * {@code BlueprintSubmitted} calls, so a preview is the configuration a submission publishes.
 */
@RestController
public class IacPreviewController {

    private final TerraformGenerator generator;

    public IacPreviewController(TerraformGenerator generatorTerraform) {
        this.generator = generatorTerraform;
    }

    @PostMapping(path = "/api/v1/iac/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    IacPreview preview(Caller caller, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody byte[] body) {
        Blueprint blueprint = BlueprintBodies.validBlueprint(body, contentType);
        return IacPreview.of(blueprint, generator.generate(blueprint));
    }

    /**
     * @param outcome {@code GENERATED}, or {@code FAILED} with {@code reason} and {@code errors}
     * @param files   each file's path, size in bytes (UTF-8) and text
     */
    public record IacPreview(String cloud, String outcome, String contentHash, List<File> files, List<Resource> resources,
            String reason, List<Error> errors) {

        public record File(String path, int size, String content) {
        }

        public record Resource(String address, String resourceName) {
        }

        public record Error(String resourceName, String message) {
        }

        static IacPreview of(Blueprint blueprint, GenerationResult result) {
            String cloud = blueprint.spec().cloud().id();
            return switch (result) {
                case GenerationResult.Generated generated -> generated(cloud, generated.configuration());
                case GenerationResult.Failed failed -> new IacPreview(cloud, "FAILED", null, List.of(), List.of(),
                        failed.reason(), failed.problems().stream()
                                .map(problem -> new Error(problem.resourceName().orElse(null), problem.message()))
                                .toList());
            };
        }

        private static IacPreview generated(String cloud, TerraformConfiguration configuration) {
            return new IacPreview(cloud, "GENERATED", configuration.contentHash(),
                    configuration.files().stream()
                            .map(file -> new File(file.path(), file.content().getBytes(StandardCharsets.UTF_8).length,
                                    file.content()))
                            .toList(),
                    configuration.resources().stream()
                            .map(resource -> new Resource(resource.address(), resource.resourceName()))
                            .toList(),
                    null, List.of());
        }
    }
}
