package io.dharma.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.dharma.identity.server.AuthorizationServerSecurity;
import io.dharma.identity.server.IdentityDatabase;
import io.dharma.identity.server.PlatformClients;
import io.dharma.identity.token.RefreshTokenReuseDetection;
import io.dharma.identity.token.SigningKeys;
import io.dharma.identity.token.TokenFamilies;
import io.dharma.identity.user.UserAccounts;
import io.dharma.identity.user.Users;
import io.dharma.security.LoggedSecurityEvents;
import io.dharma.security.SecurityEvents;
import io.dharma.identity.user.UsersController;
import io.dharma.database.MigratesSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The platform's own OpenID Connect issuer (Spring Authorization Server), active when
 * {@code dharma.identity.issuer} is set: in the one-JVM launcher it is the local default issuer,
 * so the API validates its tokens exactly as it would a company IdP's. Bean names start with
 * {@code identity}.
 *
 * <p>It brings one security chain ({@code identitySecurityFilterChain}, order
 * {@value #CHAIN_ORDER}) for the authorization server's endpoints, the login form and the device
 * activation pages only ({@link AuthorizationServerSecurity#PATHS}); {@code /api/**} is the
 * resource-server chain's. Other modules use {@code identityJwkSource} (the keys to verify tokens
 * with), {@code identityUsers} ({@link Users}) and {@link IdentityProperties}; a bean of type
 * {@link IdentityEvents} replaces the logging one.
 *
 * <p>It owns the PostgreSQL schema {@value #SCHEMA}, migrated by its own Flyway
 * ({@code classpath:db/identity}) and used through a small pool of its own ({@link IdentityDatabase}).
 */
// Before Boot's Flyway, default security chain and in-memory user, which each stand back when
// this module's Flyway, chain and user details service exist.
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = {FlywayAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("dharma.identity.issuer")
@EnableConfigurationProperties(IdentityProperties.class)
@Import(UsersController.class)
@MigratesSchema(IdentityAutoConfiguration.SCHEMA)
public class IdentityAutoConfiguration {

    public static final String SCHEMA = "identity";

    /** Before the API's resource-server chain, which matches {@code /api/**} only anyway. */
    public static final int CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;


    @Bean
    @DependsOn("identityFlywayInitializer")
    IdentityDatabase identityDatabase(DataSourceProperties dataSource, IdentityProperties properties) {
        return new IdentityDatabase(dataSource, properties.poolSize());
    }

    @Bean
    SigningKeys identitySigningKeys(IdentityDatabase identityDatabase) {
        return SigningKeys.load(identityDatabase.jdbc());
    }

    /** The public keys of every token this issuer signs (what {@code /oauth2/jwks} serves). */
    @Bean
    JWKSource<SecurityContext> identityJwkSource(SigningKeys keys) {
        return keys.published();
    }

    /** Identity events become platform security events; a failed login is filed under the user's tenant. */
    @Bean
    @ConditionalOnMissingBean
    IdentityEvents identityEvents(ObjectProvider<SecurityEvents> securityEvents, IdentityDatabase identityDatabase) {
        return new SecurityIdentityEvents(securityEvents.getIfAvailable(LoggedSecurityEvents::new),
                username -> identityDatabase.jdbc().sql("select tenant from identity.users where username = :username")
                        .param("username", username)
                        .query(String.class)
                        .optional()
                        .orElse(SecurityIdentityEvents.NO_TENANT));
    }

    @Bean
    TokenFamilies identityTokenFamilies(IdentityDatabase identityDatabase) {
        return new TokenFamilies(identityDatabase.jdbc(), identityDatabase.transactions());
    }

    @Bean
    Users identityUsers(IdentityDatabase identityDatabase, TokenFamilies families, IdentityEvents events) {
        return new Users(identityDatabase.jdbc(), identityDatabase.transactions(), passwordEncoder(), families, events);
    }

    /** The users table for the login form (and for any chain that authenticates users by password). */
    @Bean
    UserAccounts identityUserDetailsService(Users users) {
        return new UserAccounts(users);
    }

    @Bean
    @Order(CHAIN_ORDER)
    SecurityFilterChain identitySecurityFilterChain(HttpSecurity http, IdentityProperties properties,
            IdentityDatabase identityDatabase, SigningKeys keys, Users users, UserAccounts accounts,
            TokenFamilies families, IdentityEvents events) throws Exception {
        var clients = new JdbcRegisteredClientRepository(identityDatabase.jdbcTemplate());
        PlatformClients.register(clients, properties);
        var authorizations = new RefreshTokenReuseDetection(
                new JdbcOAuth2AuthorizationService(identityDatabase.jdbcTemplate(), clients),
                families, identityDatabase.transactions(), events);
        var consents = new JdbcOAuth2AuthorizationConsentService(identityDatabase.jdbcTemplate(), clients);
        return new AuthorizationServerSecurity(properties, keys, users, accounts, passwordEncoder(), events)
                .build(http, clients, authorizations, consents);
    }

    /** BCrypt, stored with its {@code {bcrypt}} prefix so Spring's default encoder reads it too. */
    private static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
