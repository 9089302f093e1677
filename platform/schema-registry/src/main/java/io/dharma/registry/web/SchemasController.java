package io.dharma.registry.web;

import java.util.List;

import io.dharma.registry.core.SchemaRegistryService;
import io.dharma.registry.core.SchemaVersion;
import io.dharma.registry.web.ApiTypes.SchemaResponse;
import io.dharma.registry.web.ApiTypes.SubjectVersionResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /schemas}: schemas by their global id. */
@RestController
@RequestMapping("/schemas")
class SchemasController {

    private final SchemaRegistryService registry;

    SchemasController(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @GetMapping("/ids/{id}")
    SchemaResponse byId(@PathVariable int id) {
        return SchemaResponse.byId(registry.schemaById(id));
    }

    @GetMapping("/ids/{id}/schema")
    ResponseEntity<String> rawById(@PathVariable int id) {
        return RawJson.of(registry.schemaById(id));
    }

    @GetMapping("/ids/{id}/subjects")
    List<String> subjectsOf(@PathVariable int id, @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.versionsUsingId(id, deleted).stream().map(SchemaVersion::subject).distinct().toList();
    }

    @GetMapping("/ids/{id}/versions")
    List<SubjectVersionResponse> versionsOf(@PathVariable int id,
                                            @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.versionsUsingId(id, deleted).stream()
                .map(v -> new SubjectVersionResponse(v.subject(), v.version()))
                .toList();
    }

    @GetMapping("/types")
    List<String> types() {
        return List.of("AVRO");
    }
}
