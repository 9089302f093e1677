package io.dharma.identity;

import io.dharma.identity.user.Users;
import io.dharma.testing.EmbeddedStack;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;

/**
 * The identity server the tests talk to over HTTP: one application on the embedded PostgreSQL,
 * started on first use and shared by every test in the JVM (tests isolate themselves by username
 * and tenant). Its issuer is its real address, so discovery and redirects can be followed.
 */
final class IdentityServer {

    private static IdentityServer shared;

    final ConfigurableApplicationContext context;
    final String url;

    private IdentityServer(ConfigurableApplicationContext context, String url) {
        this.context = context;
        this.url = url;
    }

    static synchronized IdentityServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Another instance on the same database (close it when done). */
    static IdentityServer start() {
        int port = TestSocketUtils.findAvailableTcpPort();
        String url = "http://localhost:" + port;
        Map<String, Object> properties = new HashMap<>(EmbeddedStack.get().springProperties());
        properties.put("server.port", port);
        properties.put("dharma.identity.issuer", url);
        properties.put("spring.main.banner-mode", "off");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(IdentityTestApplication.class)
                .properties(properties)
                .run();
        return new IdentityServer(context, url);
    }

    Users users() {
        return context.getBean(Users.class);
    }

    IdentityTestApplication.RecordingEvents events() {
        return context.getBean(IdentityTestApplication.RecordingEvents.class);
    }
}
