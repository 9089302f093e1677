package io.dharma.database;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/** Registers the two beans {@link MigratesSchema} promises. */
final class SchemaMigrationRegistrar implements ImportBeanDefinitionRegistrar {

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        String schema = (String) metadata.getAnnotationAttributes(MigratesSchema.class.getName()).get("value");
        String flyway = schema + "Flyway";

        RootBeanDefinition flywayBean = new RootBeanDefinition(ServiceSchema.class);
        flywayBean.setFactoryMethodName("flyway");
        flywayBean.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);   // the DataSource
        flywayBean.getConstructorArgumentValues().addIndexedArgumentValue(1, schema);
        flywayBean.setTargetType(Flyway.class);
        registry.registerBeanDefinition(flyway, flywayBean);

        registry.registerBeanDefinition(flyway + "Initializer", BeanDefinitionBuilder
                .rootBeanDefinition(FlywayMigrationInitializer.class)
                .addConstructorArgReference(flyway)
                .getBeanDefinition());
    }
}
