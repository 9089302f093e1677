package io.dharma.operations.web;

import io.dharma.kafka.outbox.DharmaOutboxAutoConfiguration;
import io.dharma.kafka.outbox.Outbox;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** The operators' view of the outbox, in every web application that has one. */
@AutoConfiguration(after = DharmaOutboxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(Outbox.class)
@Import(SetAsideEventsController.class)
public class OutboxOperationsAutoConfiguration {
}
