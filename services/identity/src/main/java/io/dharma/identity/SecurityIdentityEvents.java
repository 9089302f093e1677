package io.dharma.identity;

import io.dharma.events.SecurityEventKind;
import io.dharma.identity.token.TokenFamily;
import io.dharma.identity.user.User;
import io.dharma.security.SecurityAction;
import io.dharma.security.SecurityEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link IdentityEvents}: each becomes a platform security event
 * ({@code dharma.security.v1} where the platform outbox exists). A failure to record is logged and
 * swallowed: a login never fails because of its audit.
 */
public class SecurityIdentityEvents implements IdentityEvents {

    /** The tenant of an event that has none: a failed login of a user name nobody has. */
    public static final String NO_TENANT = "_platform";

    private static final Logger log = LoggerFactory.getLogger(SecurityIdentityEvents.class);

    private final SecurityEvents events;
    private final Users users;

    /** Looks up a user's tenant for a failed login; a missing user gives {@link #NO_TENANT}. */
    @FunctionalInterface
    public interface Users {
        String tenantOf(String username);
    }

    public SecurityIdentityEvents(SecurityEvents events, Users users) {
        this.events = events;
        this.users = users;
    }

    @Override
    public void loginSucceeded(User user) {
        record(SecurityAction.byUser(user.username(), user.tenant(), SecurityEventKind.LOGIN_SUCCEEDED, user.tenant(),
                user.username()));
    }

    @Override
    public void loginFailed(String username, String reason) {
        String subject = username == null || username.isBlank() ? "-" : username;
        record(SecurityAction.anonymous(SecurityEventKind.LOGIN_FAILED, users.tenantOf(subject), subject)
                .with("reason", reason));
    }

    @Override
    public void refreshTokenReused(TokenFamily family) {
        record(SecurityAction.anonymous(SecurityEventKind.REFRESH_TOKEN_REUSED, family.tenant(), family.username())
                .with("login", family.id()).with("client", family.clientId()));
    }

    @Override
    public void loggedOut(TokenFamily family) {
        record(SecurityAction.byUser(family.username(), family.tenant(), SecurityEventKind.LOGGED_OUT, family.tenant(),
                family.username()).with("login", family.id()).with("client", family.clientId()));
    }

    @Override
    public void userCreated(String actor, User user) {
        record(SecurityAction.byUser(actor, null, SecurityEventKind.USER_CREATED, user.tenant(), user.username())
                .with("roles", String.join(",", user.roles())));
    }

    @Override
    public void userDisabled(String actor, User user) {
        record(SecurityAction.byUser(actor, null, SecurityEventKind.USER_DISABLED, user.tenant(), user.username()));
    }

    private void record(SecurityAction action) {
        try {
            events.record(action);
        } catch (RuntimeException e) {
            log.error("Could not record security event {} for {}: {}", action.kind(), action.subject(), e.toString());
        }
    }
}
