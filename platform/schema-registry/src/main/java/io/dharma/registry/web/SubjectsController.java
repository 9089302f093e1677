package io.dharma.registry.web;

import java.util.List;

import io.dharma.registry.core.SchemaRegistryService;
import io.dharma.registry.core.SchemaRegistryService.SchemaRequest;
import io.dharma.registry.core.SchemaVersion;
import io.dharma.registry.core.VersionSpec;
import io.dharma.registry.web.ApiTypes.IdResponse;
import io.dharma.registry.web.ApiTypes.SchemaBody;
import io.dharma.registry.web.ApiTypes.SchemaResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /subjects}: registration, lookup, versions and deletion. */
@RestController
@RequestMapping("/subjects")
class SubjectsController {

    private final SchemaRegistryService registry;

    SubjectsController(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @GetMapping
    List<String> subjects(@RequestParam(defaultValue = "false") boolean deleted,
                          @RequestParam(required = false) String subjectPrefix) {
        return registry.subjects(deleted, subjectPrefix);
    }

    /** Registers a schema; {@code normalize} is accepted for compatibility: schemas are always stored canonical. */
    @PostMapping("/{subject}/versions")
    IdResponse register(@PathVariable String subject,
                        @RequestParam(defaultValue = "false") boolean normalize,
                        @RequestBody(required = false) byte[] body) {
        return new IdResponse(registry.register(subject, schemaRequest(body)).id());
    }

    @PostMapping("/{subject}")
    SchemaResponse lookup(@PathVariable String subject,
                          @RequestParam(defaultValue = "false") boolean normalize,
                          @RequestParam(defaultValue = "false") boolean deleted,
                          @RequestBody(required = false) byte[] body) {
        return full(registry.lookup(subject, schemaRequest(body), deleted));
    }

    @GetMapping("/{subject}/versions")
    List<Integer> versions(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.versionNumbers(subject, deleted);
    }

    @GetMapping("/{subject}/versions/{version}")
    SchemaResponse version(@PathVariable String subject, @PathVariable String version,
                           @RequestParam(defaultValue = "false") boolean deleted) {
        return full(registry.version(subject, VersionSpec.parse(version), deleted));
    }

    @GetMapping("/{subject}/versions/{version}/schema")
    ResponseEntity<String> versionSchema(@PathVariable String subject, @PathVariable String version,
                                         @RequestParam(defaultValue = "false") boolean deleted) {
        return RawJson.of(registry.version(subject, VersionSpec.parse(version), deleted).schema());
    }

    @DeleteMapping("/{subject}")
    List<Integer> deleteSubject(@PathVariable String subject,
                                @RequestParam(defaultValue = "false") boolean permanent) {
        return registry.deleteSubject(subject, permanent);
    }

    @DeleteMapping("/{subject}/versions/{version}")
    int deleteVersion(@PathVariable String subject, @PathVariable String version,
                      @RequestParam(defaultValue = "false") boolean permanent) {
        return registry.deleteVersion(subject, VersionSpec.parse(version), permanent);
    }

    static SchemaRequest schemaRequest(byte[] body) {
        SchemaBody parsed = RequestBodies.read(body, SchemaBody.class);
        return new SchemaRequest(parsed.schema(), parsed.schemaType(), parsed.references());
    }

    private static SchemaResponse full(SchemaVersion v) {
        return new SchemaResponse(v.subject(), v.version(), v.id(), v.schema());
    }
}
