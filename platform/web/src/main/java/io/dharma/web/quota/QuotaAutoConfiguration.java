package io.dharma.web.quota;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Tenant quotas for every context, web or not: a deployment is created by an event listener, not a
 * request. {@code GET /api/v1/usage} comes with the web configuration.
 */
@AutoConfiguration
@EnableConfigurationProperties(QuotaProperties.class)
public class QuotaAutoConfiguration {

    @Bean
    Quotas quotas(QuotaProperties properties, ObjectProvider<TenantQuota> quotas) {
        return new Quotas(properties, () -> quotas.orderedStream().toList());
    }
}
