package io.dharma.launcher.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Who you are on the platform: login, logout, whoami, API keys and users. */
public final class AccessCommands {

    private AccessCommands() {
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = "Logs in with the platform's issuer (device flow: confirm a code in a browser) and saves "
                    + "the tokens (0600) for the other commands.")
    public static final class Login extends ApiCommand {
        @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "10m",
                description = "How long to wait for the code to be confirmed (default ${DEFAULT-VALUE}).")
        String patience;

        @Override
        public Integer call() {
            PrintWriter out = out();
            JsonNode tokens = new DeviceLogin(api.apiUrl).login(out, age(patience));
            api.credentials().save(api.apiUrl, tokens);
            JsonNode caller = new PlatformClient(api.apiUrl, tokens.path("access_token").asString()).get("/api/v1/caller");
            out.printf("Logged in as %s (tenant %s)%n", caller.path("user").asString(), caller.path("tenant").asString());
            return ExitCodes.OK;
        }
    }

    @Command(name = "logout", mixinStandardHelpOptions = true,
            description = "Revokes the saved login at the issuer and forgets it.")
    public static final class Logout extends ApiCommand {

        @Override
        public Integer call() {
            Credentials credentials = api.credentials();
            JsonNode saved = credentials.saved();
            if (saved == null) {
                out().println("Not logged in.");
                return ExitCodes.OK;
            }
            new DeviceLogin(saved.path("apiUrl").asString()).revoke(saved.path("refreshToken").asString());
            credentials.forget();
            out().println("Logged out.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "whoami", mixinStandardHelpOptions = true,
            description = "Shows the tenant, principal and roles of the credential the commands send.")
    public static final class WhoAmI extends ReadCommand {

        @Override
        String path() {
            return "/api/v1/caller";
        }

        @Override
        void printTable(JsonNode caller, PrintWriter out) {
            List<String> roles = caller.path("roles").valueStream().map(JsonNode::asString).toList();
            out.printf("%s (tenant %s; roles %s)%n", caller.path("user").asString(),
                    caller.path("tenant").asString(), String.join(", ", roles));
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = "Creates, lists and revokes API keys for automation (tenant-admin).",
            subcommands = {CreateKey.class, ListKeys.class, RevokeKey.class})
    public static final class Keys {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates an API key bound to one tenant and one role and prints the key, which is shown only once.")
    public static final class CreateKey extends ApiCommand {
        @Mixin
        TenantOption tenant;
        @Option(names = "--role", paramLabel = "ROLE", required = true,
                description = "viewer, developer, approver, policy-admin, tenant-admin, auditor or platform-admin.")
        String role;
        @Option(names = "--name", paramLabel = "NAME", description = "A name to recognise it by.")
        String name;
        @Option(names = "--expires", paramLabel = "AGE", description = "Lifetime, e.g. 30d or 12h (default: none).")
        String expires;

        @Override
        public Integer call() {
            ObjectNode body = PlatformClient.JSON.createObjectNode();
            tenant.putInto(body);
            body.put("role", role);
            if (name != null) {
                body.put("name", name);
            }
            if (expires != null) {
                body.put("expiresAt", Instant.now().plus(age(expires)).toString());
            }
            JsonNode created = api.client().postJson("/api/v1/api-keys", body);
            out().println(created.path("key").asString());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists a tenant's API keys: id, role, name, state, expiry and last use (never their values).")
    public static final class ListKeys extends ReadCommand {
        @Mixin
        TenantOption tenant;

        @Override
        String path() {
            return tenant.query("/api/v1/api-keys");
        }

        @Override
        void printTable(JsonNode keys, PrintWriter out) {
            out.printf("%-14s %-16s %-20s %-14s %-22s %s%n", "KEY ID", "ROLE", "NAME", "STATE", "EXPIRES", "LAST USED");
            keys.path("keys").forEach(key -> out.printf("%-14s %-16s %-20s %-14s %-22s %s%n",
                    key.path("keyId").asString(), key.path("role").asString(), key.path("name").asString(),
                    key.path("revokedAt").isNull() ? "live" : "revoked", key.path("expiresAt").asString("-"),
                    key.path("lastUsedAt").asString("-")));
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes an API key at once: the next request that sends it is refused.")
    public static final class RevokeKey extends ApiCommand {
        @Parameters(paramLabel = "KEY_ID", description = "The key id `dharma keys list` shows.")
        String keyId;

        @Override
        public Integer call() {
            api.client().delete("/api/v1/api-keys/" + keyId);
            out().println("Revoked " + keyId);
            return ExitCodes.OK;
        }
    }

    @Command(name = "users", mixinStandardHelpOptions = true,
            description = "Creates and lists the users of the platform's own issuer (tenant-admin).",
            subcommands = {CreateUser.class, ListUsers.class})
    public static final class Users {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a user who can `dharma login` and prints the generated password, once.")
    public static final class CreateUser extends ApiCommand {
        @Parameters(paramLabel = "USERNAME", description = "The name the user logs in with.")
        String username;
        @Mixin
        TenantOption tenant;
        @Option(names = "--role", paramLabel = "ROLE", required = true, split = ",",
                description = "Roles, comma-separated.")
        List<String> roles;

        @Override
        public Integer call() {
            ObjectNode body = PlatformClient.JSON.createObjectNode();
            body.put("username", username);
            tenant.putInto(body);
            roles.forEach(body.putArray("roles")::add);
            JsonNode created = api.client().postJson("/api/v1/users", body);
            out().printf("Created %s in tenant %s; password: %s%n", created.path("username").asString(),
                    created.path("tenant").asString(), created.path("password").asString());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists a tenant's users with their roles.")
    public static final class ListUsers extends ReadCommand {
        @Mixin
        TenantOption tenant;

        @Override
        String path() {
            return tenant.query("/api/v1/users");
        }

        @Override
        void printTable(JsonNode users, PrintWriter out) {
            users.path("users").forEach(user -> out.printf("%-24s %-16s %s%n",
                    user.path("username").asString(), user.path("tenant").asString(), user.path("roles").toString()));
        }
    }

    private static final Pattern AGE = Pattern.compile("^(\\d+)([dhm])$");

    static Duration age(String text) {
        Matcher matcher = AGE.matcher(text.trim());
        if (!matcher.matches()) {
            throw new CliException("--expires must look like 30d, 12h or 45m");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
