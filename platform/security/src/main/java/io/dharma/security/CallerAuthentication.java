package io.dharma.security;

import io.dharma.web.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request: the {@link Caller} its credential names, with its roles as authorities. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final String credentialKind;

    public CallerAuthentication(Caller caller, String credentialKind) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        this.caller = caller;
        this.credentialKind = credentialKind;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    /** {@code jwt} or {@code api-key}. */
    public String credentialKind() {
        return credentialKind;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller.user();
    }

    @Override
    public String getName() {
        return caller.user();
    }
}
