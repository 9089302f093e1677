package io.dharma.identity.user;

import java.time.Instant;
import java.util.List;

/** A platform user as everyone but the login form sees it: never its password hash. */
public record User(String username, String tenant, List<String> roles, boolean enabled, Instant createdAt) {

    public User {
        roles = List.copyOf(roles);
    }
}
