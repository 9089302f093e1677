package io.dharma.identity;

import io.dharma.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the Dharma CLI does against the issuer: device login, refresh, logout. */
final class Cli {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CLIENT_ID = "dharma-cli";

    private Cli() {
    }

    /**
     * The whole device flow: the CLI asks for a code, the user opens the verification link in a
     * browser, logs in and activates the device, the CLI gets its tokens.
     */
    static JsonNode deviceLogin(IdentityServer server, String username, String password) {
        Browser cli = new Browser(server.url);
        JsonNode device = json(cli.post("/oauth2/device_authorization",
                Map.of("client_id", CLIENT_ID, "scope", "dharma")), 200);

        Browser browser = new Browser(server.url);
        HttpResponse<String> loginPage = browser.get(device.get("verification_uri_complete").asString());
        assertThat(loginPage.uri().getPath()).isEqualTo("/login");
        HttpResponse<String> activatePage = browser.submitLogin(loginPage, username, password);
        assertThat(activatePage.uri().getPath()).isEqualTo("/activate");
        assertThat(activatePage.body()).contains(device.get("user_code").asString());

        HttpResponse<String> activated = browser.submit(Browser.formAction(activatePage.body()), Map.of(
                "user_code", device.get("user_code").asString(),
                "_csrf", Browser.csrf(activatePage.body())));
        assertThat(activated.uri().getPath()).as(activated.statusCode() + " " + activated.body()).isEqualTo("/activated");
        assertThat(activated.body()).contains("Device activated");

        return json(cli.post("/oauth2/token", Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", device.get("device_code").asString(),
                "client_id", CLIENT_ID)), 200);
    }

    static HttpResponse<String> refresh(IdentityServer server, String refreshToken) {
        return new Browser(server.url).post("/oauth2/token", Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLIENT_ID));
    }

    static HttpResponse<String> revoke(IdentityServer server, String refreshToken) {
        return new Browser(server.url).post("/oauth2/revoke", Map.of(
                "token", refreshToken, "token_type_hint", "refresh_token", "client_id", CLIENT_ID));
    }

    static JsonNode json(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }
}
