package io.dharma.registry.web;

import java.util.Map;

import io.dharma.registry.web.ApiTypes.ModeResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The root (an empty object, used as a liveness probe) and the read-only mode endpoint. */
@RestController
class RootController {

    @GetMapping("/")
    Map<String, Object> root() {
        return Map.of();
    }

    /** Modes (IMPORT, READONLY) are not supported: this registry is always read-write. */
    @GetMapping("/mode")
    ModeResponse mode() {
        return new ModeResponse("READWRITE");
    }
}
