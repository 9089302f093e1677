package io.dharma.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class WebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CallerResolver callerResolver(WebProperties properties) {
        return new CallerResolver(properties.defaultTenant(), properties.defaultUser());
    }

    @Bean
    PlatformProblemHandler platformProblemHandler(WebProperties properties) {
        return new PlatformProblemHandler(properties.retryAfter());
    }
}
