package io.dharma.security;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

import io.dharma.security.apikeys.ApiKeyAuthenticationProvider;
import io.dharma.security.apikeys.ApiKeyQuota;
import io.dharma.security.apikeys.ApiKeyStore;
import io.dharma.security.apikeys.ApiKeysController;
import io.dharma.security.apikeys.BootstrapAdminKey;
import io.dharma.security.jwt.IssuerTokens;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import io.dharma.database.MigratesSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import io.dharma.kafka.outbox.Outbox;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The one security filter chain every Dharma HTTP service runs (ADR 0015): a bearer token is a JWT
 * from a configured issuer or a platform API key; {@code /api/**} is authorised by the
 * {@link PermissionMatrix}; probes and published contracts are open; everything else (metrics,
 * other actuator endpoints) is platform-admin only. Stateless: no session, no CSRF token.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        afterName = "io.dharma.kafka.outbox.DharmaOutboxAutoConfiguration", before = {ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@Import({CallerController.class, RejectedRequestProblems.class})
public class DharmaSecurityAutoConfiguration {

    /** After the embedded issuer's chain, which matches only its own endpoints. */
    public static final int CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Bean
    PermissionMatrix permissionMatrix() {
        return PermissionMatrix.load();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityEvents securityEvents() {
        return new LoggedSecurityEvents();
    }

    /** With the platform outbox, security events go to {@code dharma.security.v1}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Outbox.class)
    @ConditionalOnBean(Outbox.class)
    static class PublishedSecurityEventsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        SecurityEvents publishedSecurityEvents(Outbox outbox, Environment environment) {
            return new PublishedSecurityEvents(outbox, environment.getProperty("spring.application.name", "dharma"),
                    Clock.systemUTC());
        }
    }

    @Bean
    AuthenticationManagerResolver<HttpServletRequest> bearerTokens(SecurityProperties properties,
            ObjectProvider<ApiKeyStore> apiKeys) {
        ApiKeyStore store = apiKeys.getIfAvailable();
        AuthenticationManager keyManager = store == null ? null : new ProviderManager(new ApiKeyAuthenticationProvider(store));
        return new BearerTokens(IssuerTokens.resolver(properties.issuers()), keyManager);
    }

    @Bean
    @Order(CHAIN_ORDER)
    SecurityFilterChain dharmaApiSecurity(HttpSecurity http, SecurityProperties properties,
            PermissionMatrix matrix, AuthenticationManagerResolver<HttpServletRequest> bearerTokens) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(properties.openPaths().toArray(String[]::new)).permitAll()
                        .requestMatchers("/api/**").access(new OperationAuthorization(matrix))
                        .anyRequest().hasRole(Role.PLATFORM_ADMIN.id()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(bearerTokens)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterAfter(new CallerAttributeFilter(), BearerTokenAuthenticationFilter.class);
        if (properties.corsAllowedOrigins().isEmpty()) {
            http.cors(cors -> cors.disable());
        } else {
            http.cors(cors -> cors.configurationSource(corsSource(properties.corsAllowedOrigins())));
        }
        return http.build();
    }

    private static UrlBasedCorsConfigurationSource corsSource(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Last-Event-ID"));
        cors.setExposedHeaders(List.of("Location", "Retry-After", "WWW-Authenticate"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    /** API keys live in PostgreSQL; a service without a database accepts JWTs only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    @Import(ApiKeysController.class)
    @MigratesSchema(ApiKeyConfiguration.SCHEMA)
    static class ApiKeyConfiguration {

        static final String SCHEMA = "security";


        @Bean
        @DependsOn("securityFlywayInitializer")
        ApiKeyStore apiKeyStore(DataSource dataSource) {
            return new ApiKeyStore(JdbcClient.create(dataSource),
                    new TransactionTemplate(new JdbcTransactionManager(dataSource)), Clock.systemUTC());
        }

        @Bean
        ApiKeyQuota apiKeyQuota(ApiKeyStore apiKeyStore) {
            return new ApiKeyQuota(apiKeyStore);
        }

        @Bean
        BootstrapAdminKey bootstrapAdminKey(ApiKeyStore apiKeyStore, SecurityProperties properties) {
            return BootstrapAdminKey.register(apiKeyStore, properties);
        }
    }
}
