package io.dharma.identity;

import io.dharma.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dharma.identity.user.CreatedUser;
import io.dharma.identity.user.NewUser;
import io.dharma.identity.user.Users;
import io.dharma.web.ApiException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UsersTest {

    private final IdentityServer server = IdentityServer.shared();
    private final Users users = server.users();

    @Test
    void aUserCreatedWithoutPasswordGetsAGeneratedOneOnceAndLogsInWithIt() {
        String username = uniqueName("gen");

        CreatedUser created = users.create("admin", new NewUser(username, "acme", List.of("viewer"), null));

        assertThat(created.generatedPassword()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(created.user().roles()).containsExactly("viewer");
        assertThat(new Browser(server.url).logIn(username, created.generatedPassword()).uri().getQuery()).isNull();
        assertThat(server.events().seen).contains("userCreated:" + username + ":by:admin", "loginSucceeded:" + username);
        assertThat(users.find(username)).hasValueSatisfying(user -> assertThat(user.enabled()).isTrue());
    }

    @Test
    void aTakenUsernameIsRefused() {
        String username = uniqueName("dup");
        users.create("admin", new NewUser(username, "acme", List.of("viewer"), "a long enough password"));

        assertThatThrownBy(() -> users.create("admin", new NewUser(username, "other", List.of("viewer"), null)))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error().code()).isEqualTo("identity.user-exists"));
    }

    @Test
    void invalidUsersAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> users.create("admin", new NewUser("Bad Name", "acme", List.of("viewer"), null)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("identity.invalid-user");
                    assertThat(e.getMessage()).contains("username");
                });
        assertThatThrownBy(() -> users.create("admin", new NewUser(uniqueName("r"), "acme", List.of("root"), null)))
                .hasMessageContaining("unknown role 'root'");
        assertThatThrownBy(() -> users.create("admin", new NewUser(uniqueName("p"), "acme", List.of("viewer"), "short")))
                .hasMessageContaining("password must be at least 12 characters");
    }

    @Test
    void aDisabledUserCannotLogInAndItsLoginsAreRevoked() {
        String username = uniqueName("off");
        users.create("admin", new NewUser(username, "acme", List.of("developer"), "a long enough password"));
        JsonNode tokens = Cli.deviceLogin(server, username, "a long enough password");

        users.disable("admin", username);

        HttpResponse<String> refused = new Browser(server.url).logIn(username, "a long enough password");
        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.uri().getQuery()).isEqualTo("error");
        assertThat(Cli.json(Cli.refresh(server, tokens.get("refresh_token").asString()), 400).get("error").asString())
                .isEqualTo("invalid_grant");
        assertThat(server.events().seen).contains("userDisabled:" + username + ":by:admin",
                "loginFailed:" + username + ":bad-credentials");
    }

    @Test
    void theUsersApiLetsATenantAdminManageItsOwnTenantOnly() {
        String tenant = uniqueName("t");
        String admin = uniqueName("admin");
        users.create("test", new NewUser(admin, tenant, List.of("tenant-admin"), "a long enough password"));
        String token = Cli.deviceLogin(server, admin, "a long enough password").get("access_token").asString();
        Browser api = new Browser(server.url);

        HttpResponse<String> created = api.api("POST", "/api/v1/users", token,
                "{\"username\":\"" + admin + "-dev\",\"roles\":[\"developer\"]}");
        JsonNode body = Cli.json(created, 201);
        assertThat(body.get("tenant").asString()).isEqualTo(tenant);
        assertThat(body.get("password").asString()).isNotBlank();

        JsonNode chosen = Cli.json(api.api("POST", "/api/v1/users", token,
                "{\"username\":\"" + admin + "-ops\",\"roles\":[\"viewer\"],\"password\":\"a long enough password\"}"), 201);
        assertThat(chosen.has("password")).isFalse();

        JsonNode listed = Cli.json(api.api("GET", "/api/v1/users", token, null), 200);
        assertThat(listed.get("users").valueStream().map(user -> user.get("username").asString()))
                .containsExactly(admin, admin + "-dev", admin + "-ops");
        assertThat(listed.toString()).doesNotContain("password");

        assertProblem(api.api("POST", "/api/v1/users", token,
                "{\"username\":\"" + admin + "-dev\",\"roles\":[\"viewer\"]}"), 409, "identity.user-exists");
        assertProblem(api.api("POST", "/api/v1/users", token,
                "{\"username\":\"" + admin + "-x\",\"tenant\":\"other\",\"roles\":[\"viewer\"]}"), 403, "identity.forbidden");
        assertProblem(api.api("POST", "/api/v1/users", token,
                "{\"username\":\"" + admin + "-x\",\"roles\":[\"platform-admin\"]}"), 403, "identity.forbidden");
        assertProblem(api.api("POST", "/api/v1/users", token,
                "{\"username\":\"" + admin + "-x\",\"roles\":[]}"), 400, "identity.invalid-user");
        assertProblem(api.api("GET", "/api/v1/users?tenant=other", token, null), 403, "identity.forbidden");

        String outsider = uniqueName("out");
        users.create("test", new NewUser(outsider, "elsewhere", List.of("viewer"), null));
        assertProblem(api.api("POST", "/api/v1/users/" + outsider + "/disable", token, null), 404, "identity.user-not-found");
        assertThat(api.api("POST", "/api/v1/users/" + admin + "-dev/disable", token, null).statusCode()).isEqualTo(204);
        assertThat(users.find(admin + "-dev")).hasValueSatisfying(user -> assertThat(user.enabled()).isFalse());
        assertThat(api.api("GET", "/api/v1/users", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aPlatformAdminManagesEveryTenant() {
        String admin = uniqueName("root");
        users.create("test", new NewUser(admin, "platform", List.of("platform-admin"), "a long enough password"));
        String token = Cli.deviceLogin(server, admin, "a long enough password").get("access_token").asString();
        Browser api = new Browser(server.url);
        String tenant = uniqueName("t");

        Cli.json(api.api("POST", "/api/v1/users", token,
                "{\"username\":\"" + admin + "-a\",\"tenant\":\"" + tenant + "\",\"roles\":[\"tenant-admin\",\"platform-admin\"]}"), 201);

        JsonNode listed = Cli.json(api.api("GET", "/api/v1/users?tenant=" + tenant, token, null), 200);
        assertThat(listed.get("users").valueStream().map(user -> user.get("roles").toString()))
                .containsExactly("[\"tenant-admin\",\"platform-admin\"]");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Cli.json(response, status).get("code").asString()).isEqualTo(code);
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
