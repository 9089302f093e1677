package io.dharma.identity.user;

import io.dharma.identity.IdentityEvents;
import io.dharma.identity.token.TokenFamilies;
import io.dharma.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's users (table {@code identity.users}): who may log in, in which tenant, with
 * which roles. Passwords are kept only as BCrypt hashes; a password the platform generates is
 * returned once, at creation. Callers check who may do what (see {@code UsersController}); this
 * class checks only that the data is valid.
 */
public class Users {

    public static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@+-]{0,127}$");
    public static final Pattern TENANT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,127}$");

    /** BCrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final int MIN_PASSWORD_LENGTH = 12;
    private static final int GENERATED_PASSWORD_BYTES = 18;

    private static final String COLUMNS = "username, tenant, roles, enabled, created_at";

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwords;
    private final TokenFamilies families;
    private final IdentityEvents events;
    private final SecureRandom random = new SecureRandom();

    public Users(JdbcClient db, TransactionTemplate transactions, PasswordEncoder passwords, TokenFamilies families,
            IdentityEvents events) {
        this.db = db;
        this.transactions = transactions;
        this.passwords = passwords;
        this.families = families;
        this.events = events;
    }

    /**
     * Creates a user.
     *
     * @param actor who creates it (a username, or {@code system} for start-up code)
     * @throws ApiException {@code identity.invalid-user} for invalid data, {@code identity.user-exists}
     *         when the username is taken (in any tenant: usernames are global, they are the token subject)
     */
    public CreatedUser create(String actor, NewUser request) {
        validate(request);
        String password = request.password() == null ? generatePassword() : request.password();
        String hash = passwords.encode(password);
        List<String> roles = List.copyOf(new LinkedHashSet<>(request.roles()));
        Optional<User> created = db.sql("""
                        INSERT INTO users (username, tenant, roles, password_hash, created_by)
                        VALUES (:username, :tenant, :roles, :hash, :actor)
                        ON CONFLICT (username) DO NOTHING
                        RETURNING %s""".formatted(COLUMNS))
                .param("username", request.username())
                .param("tenant", request.tenant())
                .param("roles", roles.toArray(String[]::new))
                .param("hash", hash)
                .param("actor", actor)
                .query(Users::user)
                .optional();
        User user = created.orElseThrow(() -> new ApiException(IdentityApiError.USER_EXISTS,
                "user " + request.username() + " exists"));
        events.userCreated(actor, user);
        return new CreatedUser(user, request.password() == null ? password : null);
    }

    /** Users of one tenant, or of every tenant when {@code tenant} is null, by username. */
    public List<User> list(String tenant) {
        if (tenant == null) {
            return db.sql("SELECT " + COLUMNS + " FROM users ORDER BY username").query(Users::user).list();
        }
        return db.sql("SELECT " + COLUMNS + " FROM users WHERE tenant = ? ORDER BY username")
                .param(tenant).query(Users::user).list();
    }

    public Optional<User> find(String username) {
        return db.sql("SELECT " + COLUMNS + " FROM users WHERE username = ?")
                .param(username).query(Users::user).optional();
    }

    /**
     * Disables a user: it can no longer log in, and every login it has (refresh tokens) is revoked
     * at once. Access tokens already issued stay valid until they expire (at most the access-token
     * TTL). Disabling a disabled user changes nothing.
     *
     * @throws ApiException {@code identity.user-not-found}
     */
    public User disable(String actor, String username) {
        User before = find(username).orElseThrow(() -> notFound(username));
        if (!before.enabled()) {
            return before;
        }
        User after = transactions.execute(status -> {
            db.sql("UPDATE users SET enabled = false WHERE username = ?").param(username).update();
            families.revokeAllOf(username, "disabled by " + actor);
            return new User(before.username(), before.tenant(), before.roles(), false, before.createdAt());
        });
        events.userDisabled(actor, after);
        return after;
    }

    /** The BCrypt hash of an enabled user, for the login form; empty for unknown or disabled users. */
    Optional<LoginAccount> loginAccount(String username) {
        return db.sql("SELECT username, password_hash, roles FROM users WHERE username = ? AND enabled")
                .param(username)
                .query((rs, n) -> new LoginAccount(rs.getString("username"), rs.getString("password_hash"),
                        roles(rs)))
                .optional();
    }

    record LoginAccount(String username, String passwordHash, List<String> roles) {
    }

    public static ApiException notFound(String username) {
        return new ApiException(IdentityApiError.USER_NOT_FOUND, "no user " + username);
    }

    private static void validate(NewUser user) {
        if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
            throw invalid("username must be 1-128 lowercase letters, digits or '._@+-', starting with a letter or digit");
        }
        if (user.tenant() == null || !TENANT.matcher(user.tenant()).matches()) {
            throw invalid("tenant must be 1-128 lowercase letters, digits or '-', starting with a letter or digit");
        }
        if (user.roles().isEmpty()) {
            throw invalid("roles must name at least one of " + Roles.ALL);
        }
        for (String role : user.roles()) {
            if (!Roles.ALL.contains(role)) {
                throw invalid("unknown role '" + role + "'; roles are " + Roles.ALL);
            }
        }
        String password = user.password();
        if (password != null && (password.length() < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES)) {
            throw invalid("password must be at least " + MIN_PASSWORD_LENGTH + " characters and at most "
                    + MAX_PASSWORD_BYTES + " bytes; omit it to have one generated");
        }
    }

    private static ApiException invalid(String detail) {
        return new ApiException(IdentityApiError.INVALID_USER, detail);
    }

    private String generatePassword() {
        byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static User user(ResultSet rs, int row) throws SQLException {
        return new User(rs.getString("username"), rs.getString("tenant"), roles(rs), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> roles(ResultSet rs) throws SQLException {
        Array array = rs.getArray("roles");
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
