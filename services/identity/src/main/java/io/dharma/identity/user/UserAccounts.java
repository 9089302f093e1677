package io.dharma.identity.user;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The login form's view of {@link Users}: only enabled users load, so a disabled user's login
 * fails exactly as an unknown one's does. The principal is Spring's own {@link User}, because the
 * authorization server stores it (as JSON, through an allow-list of types) with each login.
 */
public class UserAccounts implements UserDetailsService {

    private final Users users;

    public UserAccounts(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.loginAccount(username)
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .authorities(account.roles().stream().map(role -> "ROLE_" + role).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no enabled user " + username));
    }
}
