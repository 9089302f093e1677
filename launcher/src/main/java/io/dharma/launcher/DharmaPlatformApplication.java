package io.dharma.launcher;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The platform's one Spring context when every service runs in this JVM: each service module
 * contributes its beans through its own auto-configuration, found on the classpath.
 */
@SpringBootApplication
public class DharmaPlatformApplication {
}
