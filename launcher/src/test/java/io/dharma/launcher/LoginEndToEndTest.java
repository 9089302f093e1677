package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dharma.testing.Browser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * A platform user's first session against the embedded issuer: the platform admin creates the
 * user, who runs {@code dharma login} (device flow, confirmed in a browser), submits and waits,
 * then logs out, after which the saved login no longer works.
 */
class LoginEndToEndTest {

    private static final Pattern PROMPT = Pattern.compile("Open (\\S+) and confirm the code (\\S+)");

    private final RunningPlatform platform = SharedPlatform.get();

    @TempDir
    Path dir;

    @Test
    void loginSubmitWaitWhoamiAndLogout() throws Exception {
        String username = "ana-" + UUID.randomUUID().toString().substring(0, 8);
        PlatformApi admin = PlatformApi.withBearer(platform.apiUrl(), platform.generatedAdminKey().orElseThrow());
        JsonNode created = PlatformApi.json(admin.post("/api/v1/users",
                "{\"username\":\"" + username + "\",\"tenant\":\"e2e-login\",\"roles\":[\"developer\"]}").body());
        String password = created.path("password").asString();
        assertThat(password).isNotBlank();
        Path credentials = dir.resolve("credentials.json");

        StringWriter loginOut = new StringWriter();
        CompletableFuture<Integer> login = CompletableFuture.supplyAsync(() -> cli(loginOut, "login", "--wait", "2m",
                "--credentials", credentials.toString()));
        Matcher prompt = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> PROMPT.matcher(loginOut.toString()), Matcher::find);
        confirmInABrowser(prompt.group(1), prompt.group(2), username, password);
        assertThat(login.get()).isZero();
        assertThat(loginOut.toString()).contains("Logged in as " + username + " (tenant e2e-login)");
        assertThat(Files.getPosixFilePermissions(credentials))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        StringWriter whoami = new StringWriter();
        assertThat(cli(whoami, "whoami", "--credentials", credentials.toString())).isZero();
        assertThat(whoami.toString()).contains(username + " (tenant e2e-login; roles developer)");

        StringWriter submit = new StringWriter();
        assertThat(cli(submit, "submit", "../examples/aws-web-app.yaml", "--wait", "--credentials", credentials.toString()))
                .as(submit.toString()).isZero();
        assertThat(submit.toString()).contains("Ended: SUCCEEDED");

        String saved = Files.readString(credentials);
        assertThat(cli(new StringWriter(), "logout", "--credentials", credentials.toString())).isZero();
        JsonNode refreshToken = PlatformApi.json(saved).path("refreshToken");
        Browser client = new Browser(platform.apiUrl());
        assertThat(client.post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token",
                refreshToken.asString(), "client_id", "dharma-cli")).statusCode())
                .as("the refresh token is revoked by logout").isEqualTo(400);
    }

    private void confirmInABrowser(String verificationUrl, String userCode, String username, String password) {
        Browser browser = new Browser(platform.apiUrl());
        var loginPage = browser.get(verificationUrl);
        var activatePage = browser.submitLogin(loginPage, username, password);
        var activated = browser.submit(Browser.formAction(activatePage.body()), Map.of(
                "user_code", userCode,
                "_csrf", Browser.csrf(activatePage.body())));
        assertThat(activated.uri().getPath()).as(activated.body()).isEqualTo("/activated");
    }

    private int cli(StringWriter out, String... args) {
        String[] withApi = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--api-url", platform.apiUrl(), "--home", dir.toString())).toArray(String[]::new);
        CommandLine cli = io.dharma.launcher.DharmaCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(withApi);
    }
}
