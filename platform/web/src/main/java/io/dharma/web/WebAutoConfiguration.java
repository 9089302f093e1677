package io.dharma.web;

import java.time.Clock;
import java.util.List;

import io.dharma.web.quota.UsageController;
import io.dharma.web.ratelimit.RateLimitFilter;
import io.dharma.web.ratelimit.RateLimitProperties;
import io.dharma.web.ratelimit.RateLimiter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({WebProperties.class, RateLimitProperties.class})
@Import(UsageController.class)
public class WebAutoConfiguration {

    /** After Spring Security's filter chain (order -100), which leaves the authenticated caller on the request. */
    static final int RATE_LIMIT_FILTER_ORDER = 0;

    @Bean
    PlatformProblemHandler platformProblemHandler(WebProperties properties) {
        return new PlatformProblemHandler(properties.retryAfter());
    }

    @Bean
    RequestBodyLimit requestBodyLimit(WebProperties properties) {
        return new RequestBodyLimit(properties.maxBodySize().toBytes());
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    @Bean
    WebMvcConfigurer requestLoggingContext() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RequestLoggingContext());
            }
        };
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "dharma.web.rate-limit.enabled", matchIfMissing = true)
    RateLimiter rateLimiter(RateLimitProperties properties) {
        return new RateLimiter(properties, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "dharma.web.rate-limit.enabled", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter rateLimiter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(rateLimiter));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(RATE_LIMIT_FILTER_ORDER);
        return registration;
    }
}
