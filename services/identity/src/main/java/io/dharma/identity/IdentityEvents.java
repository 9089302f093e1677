package io.dharma.identity;

import io.dharma.identity.token.TokenFamily;
import io.dharma.identity.user.User;

/**
 * What happens to identities, for audit: the module reports each event here once it is durable.
 * The default bean logs them; a module that publishes them (to Kafka) replaces it with its own
 * bean of this type. Implementations must not throw: a login never fails because of its audit.
 */
public interface IdentityEvents {

    /** A user logged in with the login form. */
    void loginSucceeded(User user);

    /**
     * A login with the form failed.
     *
     * @param reason {@code bad-credentials} (unknown user, wrong password or disabled user: the
     *        form does not tell them apart), or another short code
     */
    void loginFailed(String username, String reason);

    /**
     * A refresh token was presented after it had been rotated away: the whole login (every token
     * issued from it) has been revoked, as the token may have been stolen.
     */
    void refreshTokenReused(TokenFamily family);

    /** A login ended: its refresh token was revoked ({@code POST /oauth2/revoke}). */
    void loggedOut(TokenFamily family);

    void userCreated(String actor, User user);

    void userDisabled(String actor, User user);
}
