package io.dharma.identity.server;

import io.dharma.identity.IdentityEvents;
import io.dharma.identity.IdentityProperties;
import io.dharma.identity.token.SigningKeys;
import io.dharma.identity.user.Users;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceVerificationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The identity module's one security chain: Spring Authorization Server's endpoints with
 * OpenID Connect, the login form and the device activation pages, and nothing else. It matches
 * only {@link #PATHS}; the API ({@code /api/**}) belongs to the resource-server chain built
 * elsewhere, which validates the tokens issued here like any other issuer's.
 */
public final class AuthorizationServerSecurity {

    /** Every path this chain owns. */
    public static final List<String> PATHS = List.of(
            "/oauth2/**",
            "/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server/**",
            "/userinfo",
            "/connect/**",
            "/login",
            "/logout",
            ActivationPages.ACTIVATE,
            ActivationPages.ACTIVATED,
            // the stylesheet of Spring's generated login page
            "/default-ui.css");

    private static final int MAX_LOGGED_USERNAME = 128;

    private final IdentityProperties properties;
    private final SigningKeys keys;
    private final OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims;
    private final Users users;
    private final UserDetailsService accounts;
    private final PasswordEncoder passwords;
    private final IdentityEvents events;

    public AuthorizationServerSecurity(IdentityProperties properties, SigningKeys keys, Users users,
            UserDetailsService accounts, PasswordEncoder passwords, IdentityEvents events) {
        this.properties = properties;
        this.keys = keys;
        this.accessTokenClaims = new AccessTokenClaims(users, properties.audience());
        this.users = users;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
    }

    public AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder().issuer(properties.issuerUrl()).build();
    }

    public SecurityFilterChain build(HttpSecurity http, RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations, OAuth2AuthorizationConsentService consents) throws Exception {
        AuthorizationServerSettings settings = settings();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        DaoAuthenticationProvider login = new DaoAuthenticationProvider(accounts);
        login.setPasswordEncoder(passwords);

        http.securityMatcher(new OrRequestMatcher(PATHS.stream().map(paths::matcher).toArray(RequestMatcher[]::new)))
                .oauth2AuthorizationServer(server -> server
                        .registeredClientRepository(clients)
                        .authorizationService(authorizations)
                        .authorizationConsentService(consents)
                        .authorizationServerSettings(settings)
                        .tokenGenerator(tokenGenerator())
                        .clientAuthentication(client -> client
                                .authenticationConverter(PublicClientAuthentication.converter(settings))
                                .authenticationProvider(PublicClientAuthentication.provider(clients)))
                        .deviceAuthorizationEndpoint(device -> device.verificationUri(ActivationPages.ACTIVATE))
                        .deviceVerificationEndpoint(verification -> verification
                                .authenticationProviders(providers -> providers.forEach(
                                        AuthorizationServerSecurity::consentOnlyIfTheClientRequiresIt))
                                .deviceVerificationResponseHandler(new SimpleUrlAuthenticationSuccessHandler(ActivationPages.ACTIVATED)))
                        .oidc(Customizer.withDefaults()))
                .authenticationProvider(login)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/default-ui.css").permitAll()
                        .requestMatchers(paths.matcher(HttpMethod.GET, settings.getDeviceVerificationEndpoint())).denyAll()
                        .requestMatchers(paths.matcher(HttpMethod.POST, settings.getDeviceVerificationEndpoint()))
                                .access(ActivationPages.authenticatedWithCsrfToken(csrfTokens))
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .formLogin(form -> form.successHandler(loginSucceeded()).failureHandler(loginFailed()))
                // The userinfo endpoint takes this server's access tokens, checked here with its own keys.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(jwtDecoder())))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .addFilterAfter(new ActivationPages(settings.getDeviceVerificationEndpoint()), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Spring asks for consent on every device login whatever the client's settings; the CLI's
     * logins need none (the activation page is the user's explicit approval), other clients keep it.
     */
    private static void consentOnlyIfTheClientRequiresIt(AuthenticationProvider provider) {
        if (provider instanceof OAuth2DeviceVerificationAuthenticationProvider verification) {
            verification.setAuthorizationConsentRequired(context ->
                    context.getRegisteredClient().getClientSettings().isRequireAuthorizationConsent()
                            && (context.getAuthorizationConsent() == null || !context.getAuthorizationConsent()
                                    .getScopes().containsAll(context.getRequestedScopes())));
        }
    }

    private OAuth2TokenGenerator<?> tokenGenerator() {
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys.signing()));
        jwts.setJwtCustomizer(accessTokenClaims);
        return new DelegatingOAuth2TokenGenerator(jwts, new OAuth2AccessTokenGenerator(), new RotatingRefreshTokens());
    }

    private JwtDecoder jwtDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.published()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuerUrl()));
        return decoder;
    }

    private AuthenticationSuccessHandler loginSucceeded() {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            users.find(authentication.getName()).ifPresent(events::loginSucceeded);
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private AuthenticationFailureHandler loginFailed() {
        SimpleUrlAuthenticationFailureHandler next = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            if (username != null && username.length() > MAX_LOGGED_USERNAME) {
                username = username.substring(0, MAX_LOGGED_USERNAME);
            }
            events.loginFailed(username, reason(exception));
            next.onAuthenticationFailure(request, response, exception);
        };
    }

    private static String reason(AuthenticationException exception) {
        return exception instanceof BadCredentialsException ? "bad-credentials"
                : exception.getClass().getSimpleName();
    }
}
