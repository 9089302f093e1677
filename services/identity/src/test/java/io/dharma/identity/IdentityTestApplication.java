package io.dharma.identity;

import io.dharma.identity.token.TokenFamily;
import io.dharma.security.DharmaSecurityAutoConfiguration;
import io.dharma.identity.user.User;
import io.dharma.web.Caller;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The identity module in an application of its own, plus what another module provides in the
 * platform: a resource-server chain for {@code /api/**} that trusts the issuer through standard
 * discovery (as it would a company IdP) and a {@link Caller} built from the token.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = DharmaSecurityAutoConfiguration.class)
public class IdentityTestApplication {

    @Bean
    RecordingEvents identityEvents() {
        return new RecordingEvents();
    }

    @Bean
    @Order(IdentityAutoConfiguration.CHAIN_ORDER + 10)
    SecurityFilterChain apiChain(HttpSecurity http, IdentityProperties properties) throws Exception {
        SingletonSupplier<JwtDecoder> decoder = SingletonSupplier.of(() -> {
            NimbusJwtDecoder discovered = NimbusJwtDecoder.withIssuerLocation(properties.issuerUrl()).build();
            discovered.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(properties.issuerUrl()),
                    new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience()))));
            return discovered;
        });
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(token -> decoder.obtain().decode(token))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    WebMvcConfigurer callerFromToken() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new HandlerMethodArgumentResolver() {
                    @Override
                    public boolean supportsParameter(MethodParameter parameter) {
                        return parameter.getParameterType() == Caller.class;
                    }

                    @Override
                    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                            NativeWebRequest request, WebDataBinderFactory binders) {
                        Jwt jwt = (Jwt) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
                        return new Caller(jwt.getClaimAsString("dharma_tenant"), jwt.getSubject(),
                                new HashSet<>(jwt.getClaimAsStringList("dharma_roles")));
                    }
                });
            }
        };
    }

    /** Every event, as "kind:username". */
    public static class RecordingEvents implements IdentityEvents {

        public final Queue<String> seen = new ConcurrentLinkedQueue<>();

        @Override
        public void loginSucceeded(User user) {
            seen.add("loginSucceeded:" + user.username());
        }

        @Override
        public void loginFailed(String username, String reason) {
            seen.add("loginFailed:" + username + ":" + reason);
        }

        @Override
        public void refreshTokenReused(TokenFamily family) {
            seen.add("refreshTokenReused:" + family.username() + ":" + family.tenant());
        }

        @Override
        public void loggedOut(TokenFamily family) {
            seen.add("loggedOut:" + family.username());
        }

        @Override
        public void userCreated(String actor, User user) {
            seen.add("userCreated:" + user.username() + ":by:" + actor);
        }

        @Override
        public void userDisabled(String actor, User user) {
            seen.add("userDisabled:" + user.username() + ":by:" + actor);
        }
    }
}
