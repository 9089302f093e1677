package io.dharma.launcher.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which credential a user command sends, first found wins: {@code --token} / {@code DHARMA_TOKEN};
 * the login saved by {@code dharma login} (refreshed when its access token has expired); the
 * platform-admin key a local {@code dharma up} wrote to its home. Saved logins live in
 * {@code $XDG_CONFIG_HOME/dharma/credentials.json} (default {@code ~/.config}), mode 0600.
 */
record Credentials(String token, Path home, Path store) {

    static final String ADMIN_KEY_FILE = "admin.key";

    static Path defaultStore() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".config") : Path.of(xdg);
        return config.resolve("dharma").resolve("credentials.json");
    }

    /** The bearer value to send, or null when there is none (the API then answers 401 with a hint). */
    String bearer(String apiUrl) {
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        JsonNode login = saved();
        if (login != null && apiUrl.equals(login.path("apiUrl").asString())) {
            if (Instant.parse(login.path("expiresAt").asString()).isAfter(Instant.now().plusSeconds(30))) {
                return login.path("accessToken").asString();
            }
            JsonNode refreshed = new DeviceLogin(apiUrl).refresh(login.path("refreshToken").asString());
            save(apiUrl, refreshed);
            return refreshed.path("access_token").asString();
        }
        Path adminKey = home == null ? null : home.resolve(ADMIN_KEY_FILE);
        if (adminKey != null && Files.isReadable(adminKey)) {
            try {
                return Files.readString(adminKey).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    JsonNode saved() {
        if (!Files.isRegularFile(store)) {
            return null;
        }
        try {
            return PlatformClient.JSON.readTree(Files.readString(store));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a token response from the issuer (access, refresh, expires_in) for this API. */
    void save(String apiUrl, JsonNode tokens) {
        ObjectNode login = PlatformClient.JSON.createObjectNode();
        login.put("apiUrl", apiUrl);
        login.put("accessToken", tokens.path("access_token").asString());
        login.put("refreshToken", tokens.path("refresh_token").asString());
        login.put("expiresAt", Instant.now().plusSeconds(tokens.path("expires_in").asLong(0)).toString());
        try {
            Files.createDirectories(store.getParent());
            if (!Files.exists(store)) {
                Files.createFile(store, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(store, login.toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void forget() {
        try {
            Files.deleteIfExists(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
