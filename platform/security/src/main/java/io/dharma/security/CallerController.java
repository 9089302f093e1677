package io.dharma.security;

import java.util.List;

import io.dharma.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the platform thinks you are: {@code dharma whoami}. */
@RestController
public class CallerController {

    @GetMapping(path = "/api/v1/caller", produces = MediaType.APPLICATION_JSON_VALUE)
    public CallerView caller(Caller caller) {
        return new CallerView(caller.tenant(), caller.user(), caller.roles().stream().sorted().toList());
    }

    public record CallerView(String tenant, String user, List<String> roles) {
    }
}
