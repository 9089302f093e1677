package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The console's files are public, with their cache headers and a same-origin-only
 * Content-Security-Policy, while the API, the probes, the issuer and the actuator keep their own rules.
 */
class ConsoleServingEndToEndTest {

    private final RunningPlatform platform = SharedPlatform.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesAnswerTheConsoleUncachedWithAPolicyOfSelfOnly() throws Exception {
        HttpResponse<String> root = get(platform.apiUrl() + "/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(root.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(root.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"));
        assertThat(root.body()).contains("<div id=\"root\">");

        HttpResponse<String> clientRoute = get(platform.apiUrl() + "/tracking/3f1c0b7e-0000-4000-8000-000000000000");
        assertThat(clientRoute.statusCode()).as("a client route answers the application").isEqualTo(200);
        assertThat(clientRoute.body()).isEqualTo(root.body());

        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(root.body());
        assertThat(script.find()).as(root.body()).isTrue();
        HttpResponse<String> asset = get(platform.apiUrl() + script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache)
                .contains("max-age=31536000", "immutable"));
    }

    @Test
    void everythingElseKeepsItsOwnRules() throws Exception {
        assertThat(get(platform.apiUrl() + "/api/v1/caller").statusCode()).as("the API needs a credential").isEqualTo(401);
        assertThat(get(platform.apiUrl() + "/not-a-console-page").statusCode()).as("unknown paths are not public").isEqualTo(401);
        assertThat(get(platform.apiUrl() + "/livez").statusCode()).isEqualTo(200);
        assertThat(get(platform.apiUrl() + "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(platform.apiUrl() + "/.well-known/openid-configuration").body()).contains("authorization_endpoint");
        assertThat(get(platform.apiUrl() + "/oauth2/jwks").statusCode()).isEqualTo(200);
        assertThat(get(platform.apiUrl() + "/logout").body()).as("the console's sign-out ends the issuer's session here")
                .contains("Are you sure you want to log out?");
        assertThat(get(platform.managementUrl() + "/actuator/health").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
