package io.dharma.serde;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of {@link AvroSerializer}, {@link AvroDeserializer} and {@link AvroSerde}. The keys
 * are Confluent's, so an existing producer or consumer configuration works unchanged.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, List.of(), Importance.HIGH,
                    "Comma-separated base URLs of a Confluent-compatible schema registry.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the record's schema when serializing; when false it must already be registered.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Serialize with the subject's latest registered schema instead of the record's own.")
            .define(LATEST_CACHE_TTL_SEC, Type.LONG, -1L, Importance.LOW,
                    "How long the latest version is cached, in seconds; -1 keeps it until restart.")
            .define(NORMALIZE_SCHEMAS, Type.BOOLEAN, false, Importance.LOW,
                    "Ask the registry to normalize schemas when registering or looking them up.")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Deserialize into the generated class named by the writer schema instead of GenericRecord.")
            .define(SPECIFIC_AVRO_KEY_TYPE, Type.CLASS, null, Importance.LOW,
                    "Generated class to deserialize keys into (its schema is the reader schema).")
            .define(SPECIFIC_AVRO_VALUE_TYPE, Type.CLASS, null, Importance.LOW,
                    "Generated class to deserialize values into (its schema is the reader schema).")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "URL",
                    ConfigDef.ValidString.in("URL", "USER_INFO"), Importance.MEDIUM,
                    "Where basic-auth credentials come from: user info in the URL, or basic.auth.user.info.")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
                    "user:password for basic auth when the source is USER_INFO.")
            .define(BEARER_AUTH_CREDENTIALS_SOURCE, Type.STRING, null, Importance.MEDIUM,
                    "STATIC_TOKEN sends bearer.auth.token as 'Authorization: Bearer' (Confluent's key; other "
                            + "sources, such as an OAuth client, are not supported).")
            .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM,
                    "The bearer token when the source is STATIC_TOKEN.")
            .define(CONNECT_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Connect timeout for registry requests.")
            .define(REQUEST_TIMEOUT_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Timeout of one registry request.");

    public AvroSerdeConfig(Map<String, ?> configs) {
        super(DEFINITION, configs, false);
    }

    public static ConfigDef definition() {
        return DEFINITION;
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    /** Null means no expiry. */
    public Duration latestCacheTtl() {
        long seconds = getLong(LATEST_CACHE_TTL_SEC);
        return seconds < 0 ? null : Duration.ofSeconds(seconds);
    }

    public boolean normalizeSchemas() {
        return getBoolean(NORMALIZE_SCHEMAS);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    /** The configured target class for keys or values, or null. */
    public Class<?> specificType(boolean isKey) {
        return getClass(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE);
    }

    public SchemaRegistryClientConfig clientConfig() {
        List<URI> urls = SchemaRegistryClientConfig.parseUrls(getList(SCHEMA_REGISTRY_URL));
        String userInfo = null;
        if ("USER_INFO".equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE))) {
            Password password = getPassword(BASIC_AUTH_USER_INFO);
            if (password == null) {
                throw new IllegalArgumentException(BASIC_AUTH_USER_INFO + " is required when "
                        + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO");
            }
            userInfo = password.value();
        }
        String bearerToken = null;
        String bearerSource = getString(BEARER_AUTH_CREDENTIALS_SOURCE);
        if (bearerSource != null && !bearerSource.equals("STATIC_TOKEN")) {
            throw new IllegalArgumentException(BEARER_AUTH_CREDENTIALS_SOURCE + " " + bearerSource
                    + " is not supported; use STATIC_TOKEN with " + BEARER_AUTH_TOKEN);
        }
        if (bearerSource != null) {
            Password token = getPassword(BEARER_AUTH_TOKEN);
            if (token == null) {
                throw new IllegalArgumentException(BEARER_AUTH_TOKEN + " is required when "
                        + BEARER_AUTH_CREDENTIALS_SOURCE + " is STATIC_TOKEN");
            }
            bearerToken = token.value();
        }
        return new SchemaRegistryClientConfig(urls, userInfo,
                Duration.ofMillis(getInt(CONNECT_TIMEOUT_MS)), Duration.ofMillis(getInt(REQUEST_TIMEOUT_MS)), bearerToken);
    }
}
