package io.dharma.launcher.cli;

import picocli.CommandLine.Option;

/** Where the user commands find the platform API, and who they act as. */
public final class ApiOptions {

    @Option(names = "--api-url", paramLabel = "URL",
            defaultValue = "${env:DHARMA_API_URL:-http://localhost:${env:DHARMA_HTTP_PORT:-8080}}",
            description = "Platform API URL (env DHARMA_API_URL, default ${DEFAULT-VALUE}).")
    String apiUrl;

    @Option(names = "--tenant", paramLabel = "TENANT", defaultValue = "${env:DHARMA_TENANT}",
            description = "Tenant to act for (env DHARMA_TENANT; the platform's default tenant when unset).")
    String tenant;

    @Option(names = "--user", paramLabel = "USER", defaultValue = "${env:DHARMA_USER}",
            description = "User to act as (env DHARMA_USER; the platform's default user when unset).")
    String user;

    PlatformClient client() {
        return new PlatformClient(apiUrl, tenant, user);
    }
}
