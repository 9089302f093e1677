package io.dharma.launcher.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the user commands find the platform API, and the credential they send. */
public final class ApiOptions {

    @Option(names = "--api-url", paramLabel = "URL",
            defaultValue = "${env:DHARMA_API_URL:-http://localhost:${env:DHARMA_HTTP_PORT:-8080}}",
            description = "Platform API URL (env DHARMA_API_URL, default ${DEFAULT-VALUE}).")
    String apiUrl;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:DHARMA_TOKEN}",
            description = "Bearer token or API key (env DHARMA_TOKEN; default: the login of `dharma login`, "
                    + "else the admin key of `dharma up` in --home).")
    String token;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:DHARMA_HOME:-.dharma}",
            description = "The home of a local `dharma up`, whose admin.key is used when nothing else is given "
                    + "(env DHARMA_HOME, default ${DEFAULT-VALUE}).")
    Path home;

    @Option(names = "--credentials", paramLabel = "FILE", defaultValue = "${env:DHARMA_CREDENTIALS}",
            description = "Where `dharma login` keeps its tokens (env DHARMA_CREDENTIALS, default "
                    + "$XDG_CONFIG_HOME/dharma/credentials.json, else ~/.config/dharma/credentials.json).")
    Path credentialsFile;

    PlatformClient client() {
        return new PlatformClient(apiUrl, credentials().bearer(apiUrl));
    }

    Credentials credentials() {
        return new Credentials(token, home, credentialsFile == null ? Credentials.defaultStore() : credentialsFile);
    }
}
