package io.dharma.identity;

import io.dharma.identity.token.TokenFamily;
import io.dharma.identity.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link IdentityEvents}: one log line each (logger {@code io.dharma.identity.audit}). */
public class LoggingIdentityEvents implements IdentityEvents {

    private static final Logger log = LoggerFactory.getLogger("io.dharma.identity.audit");

    @Override
    public void loginSucceeded(User user) {
        log.info("login succeeded: user={} tenant={}", user.username(), user.tenant());
    }

    @Override
    public void loginFailed(String username, String reason) {
        log.warn("login failed: user={} reason={}", username, reason);
    }

    @Override
    public void refreshTokenReused(TokenFamily family) {
        log.warn("refresh token reused, login revoked: user={} tenant={} family={} client={}",
                family.username(), family.tenant(), family.id(), family.clientId());
    }

    @Override
    public void loggedOut(TokenFamily family) {
        log.info("logged out: user={} tenant={} family={}", family.username(), family.tenant(), family.id());
    }

    @Override
    public void userCreated(String actor, User user) {
        log.info("user created: user={} tenant={} roles={} by={}", user.username(), user.tenant(), user.roles(), actor);
    }

    @Override
    public void userDisabled(String actor, User user) {
        log.info("user disabled: user={} tenant={} by={}", user.username(), user.tenant(), actor);
    }
}
