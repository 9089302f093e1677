package io.dharma.identity.user;

import java.util.List;

/**
 * A user to create.
 *
 * @param password the initial password, or {@code null} to have one generated (returned once)
 */
public record NewUser(String username, String tenant, List<String> roles, String password) {

    public NewUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
