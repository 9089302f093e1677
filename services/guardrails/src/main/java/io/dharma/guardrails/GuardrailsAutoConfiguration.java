package io.dharma.guardrails;

import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.guardrails.api.PoliciesController;
import io.dharma.guardrails.api.PolicyService;
import io.dharma.guardrails.cel.PolicyCompiler;
import io.dharma.guardrails.cel.PolicyVariables;
import io.dharma.guardrails.evaluation.PolicyEvaluator;
import io.dharma.guardrails.evaluation.TenantEvaluation;
import io.dharma.guardrails.api.EvaluationController;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.guardrails.events.VerdictEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.dharma.guardrails.policy.PolicyLibrary;
import io.dharma.guardrails.policy.PolicyParameters;
import io.dharma.guardrails.policy.PolicyValidator;
import io.dharma.guardrails.policyset.BuiltinPolicies;
import io.dharma.guardrails.policyset.PolicySets;
import io.dharma.guardrails.store.PolicyQuota;
import io.dharma.guardrails.store.TenantPolicyStore;
import io.dharma.web.quota.Quotas;
import io.dharma.kafka.processing.DharmaProcessingAutoConfiguration;
import io.dharma.kafka.processing.EventPublisher;
import io.dharma.kafka.processing.Reaction;
import io.dharma.topics.DharmaTopic;
import java.time.Clock;
import io.dharma.database.MigratesSchema;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;
import io.dharma.security.SecurityEvents;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The guardrails service's beans, for running it alone ({@code app.GuardrailsApplication}) or
 * inside the one-JVM launcher. Bean names start with {@code guardrails}; nothing shared is
 * looked up by type alone.
 *
 * <p>Guardrails owns the PostgreSQL schema {@value #SCHEMA} (tenant policies, disabled
 * built-ins) with its own Flyway ({@code classpath:db/guardrails}, history table in the schema).
 * The built-in policies are compiled when the context starts: one that does not compile stops it.
 * {@code dharma.guardrails.enabled=false} leaves the service out of a context.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JooqAutoConfiguration.class,
    KafkaAutoConfiguration.class, DharmaProcessingAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "dharma.guardrails.enabled", matchIfMissing = true)
@EnableConfigurationProperties(GuardrailsProperties.class)
@MigratesSchema(GuardrailsAutoConfiguration.SCHEMA)
public class GuardrailsAutoConfiguration {

    public static final String SCHEMA = "guardrails";


    @Bean
    PolicyVariables guardrailsPolicyVariables() {
        return new PolicyVariables(ResourceCatalogue.v1());
    }

    @Bean
    PolicyCompiler guardrailsPolicyCompiler(PolicyVariables guardrailsPolicyVariables) {
        return new PolicyCompiler(guardrailsPolicyVariables);
    }

    @Bean
    PolicyValidator guardrailsPolicyValidator() {
        return new PolicyValidator(ResourceCatalogue.v1());
    }

    @Bean
    BuiltinPolicies guardrailsBuiltinPolicies(PolicyCompiler guardrailsPolicyCompiler, PolicyValidator guardrailsPolicyValidator) {
        return BuiltinPolicies.load(guardrailsPolicyCompiler, guardrailsPolicyValidator);
    }

    @Bean
    PolicyParameters guardrailsPolicyParameters(GuardrailsProperties properties) {
        return properties.parameters().applyTo(PolicyLibrary.defaultParameters());
    }

    @Bean
    PolicyEvaluator guardrailsPolicyEvaluator(PolicyVariables guardrailsPolicyVariables,
            PolicyParameters guardrailsPolicyParameters) {
        return new PolicyEvaluator(guardrailsPolicyVariables, guardrailsPolicyParameters);
    }

    @Bean
    TenantPolicyStore guardrailsTenantPolicyStore(DSLContext dsl) {
        return new TenantPolicyStore(dsl);
    }

    @Bean
    PolicySets guardrailsPolicySets(BuiltinPolicies guardrailsBuiltinPolicies, TenantPolicyStore guardrailsTenantPolicyStore,
            PolicyCompiler guardrailsPolicyCompiler, PolicyParameters guardrailsPolicyParameters, GuardrailsProperties properties) {
        return new PolicySets(guardrailsBuiltinPolicies, guardrailsTenantPolicyStore, guardrailsPolicyCompiler,
                guardrailsPolicyParameters, properties.compiledPolicyCacheSize());
    }

    @Bean
    TenantEvaluation guardrailsTenantEvaluation(PolicySets guardrailsPolicySets, PolicyEvaluator guardrailsPolicyEvaluator) {
        return new TenantEvaluation(guardrailsPolicySets, guardrailsPolicyEvaluator);
    }

    @Bean
    Reaction<BlueprintSubmitted, GuardrailsEvaluated> guardrailsBlueprintEvaluationListener(GuardrailsProperties properties,
            TenantEvaluation guardrailsTenantEvaluation, EventPublisher dharmaEventPublisher, MeterRegistry meterRegistry) {
        return new Reaction<>(properties.consumerGroup(), DharmaTopic.BLUEPRINTS, DharmaTopic.GUARDRAILS,
                VerdictEvents.answering(guardrailsTenantEvaluation, ResourceCatalogue.v1(), meterRegistry),
                dharmaEventPublisher);
    }

    /** The policies API, when running in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import({PoliciesController.class, EvaluationController.class})
    static class GuardrailsApiConfiguration {

        @Bean
        PolicyService guardrailsPolicyService(BuiltinPolicies guardrailsBuiltinPolicies,
                TenantPolicyStore guardrailsTenantPolicyStore, PolicyValidator guardrailsPolicyValidator,
                PolicyCompiler guardrailsPolicyCompiler, SecurityEvents securityEvents, TransactionTemplate transactions,
                Quotas quotas, PolicyQuota guardrailsPolicyQuota) {
            return new PolicyService(guardrailsBuiltinPolicies, guardrailsTenantPolicyStore, guardrailsPolicyValidator,
                    guardrailsPolicyCompiler, securityEvents, transactions, Clock.systemUTC(), quotas, guardrailsPolicyQuota);
        }

        @Bean
        PolicyQuota guardrailsPolicyQuota(TenantPolicyStore guardrailsTenantPolicyStore) {
            return new PolicyQuota(guardrailsTenantPolicyStore);
        }
    }
}
