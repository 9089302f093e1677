package io.dharma.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.executor.ActualResource;
import io.dharma.executor.ChangeListener;
import io.dharma.executor.InfrastructureExecutor;
import io.dharma.executor.StackConfiguration;
import io.dharma.executor.Plan;
import io.dharma.executor.Stack;
import io.dharma.sandbox.fault.FaultInjector;
import io.dharma.sandbox.fault.Faults;
import io.dharma.testing.EmbeddedStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SandboxAutoConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JooqAutoConfiguration.class,
                    SandboxAutoConfiguration.class))
            .withPropertyValues(EmbeddedStack.get().springProperties().entrySet().stream()
                    .filter(property -> property.getKey().startsWith("spring.datasource"))
                    .map(property -> property.getKey() + "=" + property.getValue())
                    .toArray(String[]::new));

    @Test
    void theSandboxIsTheExecutorWithSafeDefaults() {
        contexts.run(context -> {
            assertThat(context).hasSingleBean(InfrastructureExecutor.class);
            assertThat(context.getBean(InfrastructureExecutor.class).name()).isEqualTo("sandbox");
            assertThat(context).hasBean("sandboxFlyway").hasBean("sandboxExecutor");
            SandboxProperties properties = context.getBean(SandboxProperties.class);
            assertThat(properties.latency()).isEqualTo(Duration.ofMillis(200));
            assertThat(context.getBean(FaultInjector.class).current()).isEqualTo(Faults.NONE);
        });
    }

    @Test
    void faultsAndLatencyComeFromProperties() {
        contexts.withPropertyValues("dharma.sandbox.latency=0", "dharma.sandbox.faults.failure-rate=0.5",
                        "dharma.sandbox.faults.always-fail=db,shop/cache", "dharma.sandbox.faults.transient-failures.web=3")
                .run(context -> {
                    assertThat(context.getBean(SandboxProperties.class).latency()).isZero();
                    assertThat(context.getBean(FaultInjector.class).current())
                            .isEqualTo(new Faults(0.5, List.of("db", "shop/cache"), Map.of("web", 3)));
                });
    }

    @Test
    void theSandboxStaysBesideAnotherExecutorThatServesSomeClouds() {
        contexts.withBean(InfrastructureExecutor.class, RealCloud::new).run(context -> {
            assertThat(context.getBeansOfType(InfrastructureExecutor.class).values())
                    .extracting(InfrastructureExecutor::name).containsExactlyInAnyOrder("real", "sandbox");
        });
    }

    /** Stands in for a Terraform or cloud-SDK executor an application might bring. */
    static class RealCloud implements InfrastructureExecutor {
        @Override
        public String name() {
            return "real";
        }

        @Override
        public Plan plan(Stack stack, StackConfiguration configuration) {
            return new Plan(List.of());
        }

        @Override
        public Plan planDestroy(Stack stack, StackConfiguration lastApplied) {
            return new Plan(List.of());
        }

        @Override
        public Map<String, String> apply(Stack stack, Plan plan, ChangeListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ActualResource> readActualState(Stack stack, StackConfiguration deployed) {
            return List.of();
        }
    }
}
