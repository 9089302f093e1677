package io.dharma.registry.web;

import io.dharma.registry.core.CompatibilityLevel;
import io.dharma.registry.core.RegistryException;
import io.dharma.registry.core.SchemaRegistryService;
import io.dharma.registry.web.ApiTypes.ConfigBody;
import io.dharma.registry.web.ApiTypes.ConfigResponse;
import io.dharma.registry.web.ApiTypes.ConfigUpdateResponse;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /config}: global and per-subject compatibility levels. */
@RestController
@RequestMapping("/config")
class ConfigController {

    private final SchemaRegistryService registry;

    ConfigController(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @GetMapping
    ConfigResponse global() {
        return new ConfigResponse(registry.globalLevel().name());
    }

    @PutMapping
    ConfigUpdateResponse updateGlobal(@RequestBody(required = false) byte[] body) {
        CompatibilityLevel level = level(body);
        registry.setGlobalLevel(level);
        return new ConfigUpdateResponse(level.name());
    }

    @GetMapping("/{subject}")
    ConfigResponse subject(@PathVariable String subject,
                           @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
        return new ConfigResponse(registry.subjectLevel(subject, defaultToGlobal).name());
    }

    @PutMapping("/{subject}")
    ConfigUpdateResponse updateSubject(@PathVariable String subject, @RequestBody(required = false) byte[] body) {
        CompatibilityLevel level = level(body);
        registry.setSubjectLevel(subject, level);
        return new ConfigUpdateResponse(level.name());
    }

    @DeleteMapping("/{subject}")
    ConfigResponse deleteSubject(@PathVariable String subject) {
        return new ConfigResponse(registry.deleteSubjectLevel(subject).name());
    }

    private static CompatibilityLevel level(byte[] body) {
        return CompatibilityLevel.parse(RequestBodies.read(body, ConfigBody.class).compatibility())
                .orElseThrow(RegistryException::invalidCompatibilityLevel);
    }
}
