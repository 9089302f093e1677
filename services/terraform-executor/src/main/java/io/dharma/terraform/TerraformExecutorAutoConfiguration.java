package io.dharma.terraform;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Terraform executor, when {@code dharma.executor.terraform.enabled=true}. It keeps Terraform
 * state in the application's own PostgreSQL database ({@code spring.datasource.*}).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "dharma.executor.terraform.enabled")
@EnableConfigurationProperties(TerraformExecutorProperties.class)
public class TerraformExecutorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TerraformExecutor terraformExecutor(TerraformExecutorProperties properties, DataSourceProperties dataSource) {
        Path workDir = properties.workDir() != null ? properties.workDir() : Path.of(".dharma", "terraform");
        Path mirror = properties.pluginMirror() != null ? properties.pluginMirror()
                : Files.isDirectory(TerraformExecutorProperties.MACHINE_PLUGIN_MIRROR)
                        ? TerraformExecutorProperties.MACHINE_PLUGIN_MIRROR : null;
        TerraformEnvironment environment = TerraformEnvironment.create(workDir.toAbsolutePath(), dataSource.determineUrl(),
                dataSource.determineUsername(), dataSource.determinePassword(), mirror, properties.aws());
        return new TerraformExecutor(properties, environment);
    }
}
