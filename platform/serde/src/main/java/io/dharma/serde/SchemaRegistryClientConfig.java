package io.dharma.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the registry is and how to talk to it.
 *
 * @param urls              one or more base URLs; on a connection failure the next is tried
 * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, or null
 * @param connectTimeout    TCP connect timeout
 * @param requestTimeout    timeout of one whole request
 * @param bearerToken       sent as {@code Authorization: Bearer} (a registry behind OAuth, or Dharma's
 *                          registry, where writing needs a platform-admin credential), or null
 */
public record SchemaRegistryClientConfig(List<URI> urls, String basicAuthUserInfo,
                                         Duration connectTimeout, Duration requestTimeout, String bearerToken) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public SchemaRegistryClientConfig {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is required ("
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL + ")");
        }
        urls = List.copyOf(urls);
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (basicAuthUserInfo != null && bearerToken != null) {
            throw new IllegalArgumentException("Basic auth and a bearer token are exclusive; configure one");
        }
    }

    /** Without a bearer token. */
    public SchemaRegistryClientConfig(List<URI> urls, String basicAuthUserInfo, Duration connectTimeout,
                                      Duration requestTimeout) {
        this(urls, basicAuthUserInfo, connectTimeout, requestTimeout, null);
    }

    /** One or more comma-separated URLs, default timeouts, no authentication. */
    public static SchemaRegistryClientConfig of(String urls) {
        return new SchemaRegistryClientConfig(parseUrls(List.of(urls.split(","))), null, null, null);
    }

    /** From serializer-style settings ({@code schema.registry.url}, {@code basic.auth.*}, timeouts). */
    public static SchemaRegistryClientConfig from(Map<String, ?> configs) {
        return new AvroSerdeConfig(configs).clientConfig();
    }

    static List<URI> parseUrls(List<String> texts) {
        return texts.stream().map(String::trim).filter(s -> !s.isEmpty()).map(SchemaRegistryClientConfig::parseUrl)
                .toList();
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("Schema registry URL must be absolute, e.g. http://host:8081: " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid schema registry URL: " + text, e);
        }
    }
}
