package io.dharma.registry.web;

import java.util.List;

import io.dharma.registry.core.RegistryException;
import io.dharma.registry.core.SchemaRegistryService;
import io.dharma.registry.core.VersionSpec;
import io.dharma.registry.web.ApiTypes.CompatibilityResponse;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /compatibility}: tests a schema without registering it. */
@RestController
@RequestMapping("/compatibility/subjects/{subject}")
class CompatibilityController {

    private final SchemaRegistryService registry;

    CompatibilityController(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @PostMapping("/versions/{version}")
    CompatibilityResponse againstVersion(@PathVariable String subject, @PathVariable String version,
                                         @RequestParam(defaultValue = "false") boolean verbose,
                                         @RequestBody(required = false) byte[] body) {
        VersionSpec spec = VersionSpec.parse(version);
        return check(subject, spec, body, verbose);
    }

    /** Checks against every version the subject's level requires, as registering would. */
    @PostMapping("/versions")
    CompatibilityResponse againstSubject(@PathVariable String subject,
                                         @RequestParam(defaultValue = "false") boolean verbose,
                                         @RequestBody(required = false) byte[] body) {
        return check(subject, null, body, verbose);
    }

    private CompatibilityResponse check(String subject, VersionSpec spec, byte[] body, boolean verbose) {
        List<String> problems;
        try {
            problems = registry.checkCompatibility(subject, spec, SubjectsController.schemaRequest(body));
        } catch (RegistryException e) {
            // Confluent reports an unparseable schema as incompatible when asked for details.
            if (verbose && e.errorCode() == RegistryException.INVALID_SCHEMA) {
                problems = List.of(e.getMessage());
            } else {
                throw e;
            }
        }
        return new CompatibilityResponse(problems.isEmpty(), verbose ? problems : null);
    }
}
