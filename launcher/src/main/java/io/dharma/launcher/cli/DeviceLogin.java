package io.dharma.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * OAuth 2.0 device authorization (RFC 8628) against the platform's issuer, as the public client
 * {@code dharma-cli}: the user confirms a code in a browser, the CLI polls for the tokens.
 */
final class DeviceLogin {

    static final String CLIENT_ID = "dharma-cli";
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DeviceLogin(String issuer) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /** Runs the flow, telling the user what to open; returns the token response. */
    JsonNode login(PrintWriter out, Duration patience) {
        JsonNode device = post("/oauth2/device_authorization", Map.of("client_id", CLIENT_ID, "scope", "dharma"));
        out.printf("Open %s and confirm the code %s%n", device.path("verification_uri_complete")
                .asString(device.path("verification_uri").asString()), device.path("user_code").asString());
        out.flush();
        long interval = Math.max(1, device.path("interval").asLong(5));
        long giveUpAt = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < giveUpAt) {
            HttpResponse<String> response = send("/oauth2/token", Map.of("grant_type", DEVICE_GRANT,
                    "device_code", device.path("device_code").asString(), "client_id", CLIENT_ID));
            JsonNode body = PlatformClient.JSON.readTree(response.body());
            if (response.statusCode() == 200) {
                return body;
            }
            String error = body.path("error").asString();
            if (error.equals("slow_down")) {
                interval += 5;
            } else if (!error.equals("authorization_pending")) {
                throw new CliException("login failed: " + error + " " + body.path("error_description").asString(""));
            }
            sleep(Duration.ofSeconds(interval));
        }
        throw new CliException("login timed out: the code was not confirmed in time");
    }

    JsonNode refresh(String refreshToken) {
        HttpResponse<String> response = send("/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", CLIENT_ID));
        if (response.statusCode() != 200) {
            throw new CliException("your login has expired or was revoked: run `dharma login`");
        }
        return PlatformClient.JSON.readTree(response.body());
    }

    void revoke(String refreshToken) {
        send("/oauth2/revoke", Map.of("token", refreshToken, "token_type_hint", "refresh_token", "client_id", CLIENT_ID));
    }

    private JsonNode post(String path, Map<String, String> form) {
        HttpResponse<String> response = send(path, form);
        if (response.statusCode() != 200) {
            throw new CliException("the issuer at " + issuer + " answered " + response.statusCode() + ": " + response.body());
        }
        return PlatformClient.JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String path, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return http.send(HttpRequest.newBuilder(URI.create(issuer + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliException("Cannot reach the issuer at " + issuer + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted");
        }
    }
}
