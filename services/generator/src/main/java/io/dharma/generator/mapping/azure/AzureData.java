package io.dharma.generator.mapping.azure;

import static io.dharma.generator.mapping.azure.AzureSupport.TAGS;
import static io.dharma.generator.mapping.azure.AzureSupport.placed;
import static io.dharma.generator.terraform.Blocks.nested;

import io.dharma.generator.mapping.BucketLifecycle;
import io.dharma.generator.mapping.Data;
import io.dharma.generator.mapping.Declarations;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.MappingException;
import io.dharma.generator.mapping.Names;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.Expression;
import java.util.List;

/**
 * database.postgres, database.mysql, storage.bucket and cache.redis on Azure: flexible servers
 * and Azure Cache for Redis reached through private endpoints, storage accounts with a container.
 * Azure always encrypts these at rest, so {@code encrypted: false} cannot weaken them.
 */
final class AzureData implements Data {

    static final String ADMIN_USER = "dbadmin";

    /** Storage sizes a PostgreSQL flexible server accepts, in MB. */
    private static final List<Long> POSTGRES_STORAGE_MB = List.of(
            32768L, 65536L, 131072L, 262144L, 524288L, 1048576L, 2097152L, 4193280L, 4194304L, 8388608L, 16777216L, 33553408L);

    @Override
    public void database(ResourceView database, GenerationContext context) {
        boolean postgres = database.type().equals("database.postgres");
        String sku = context.sku(database, "size");
        boolean highAvailability = database.bool("highAvailability");
        if (highAvailability && sku.startsWith("B_")) {
            throw new MappingException("high availability on azure needs a General Purpose server (size large or xlarge); "
                    + "size " + database.string("size") + " is Burstable (" + sku + ")");
        }
        String password = database.id("admin_password");
        Declarations.secret(context, password, "Password of the administrator '" + ADMIN_USER + "' of database " + database.name());
        String type = postgres ? "azurerm_postgresql_flexible_server" : "azurerm_mysql_flexible_server";
        Expression name = AzureSupport.globalName(context, database, 63);
        long retention = database.integer("backupRetentionDays");
        // Azure keeps backups at least 7 days (PostgreSQL) or 1 day (MySQL); they cannot be turned off.
        long azureRetention = Math.max(retention, postgres ? 7 : 1);
        long storageGb = database.integer("storageGb");

        context.module().resource(database.name(), Blocks.resource(type, database.id(), body -> {
            placed(body.attr("name", name))
                    .attr("version", postgres ? database.string("version") : mysqlVersion(database.string("version")))
                    .attr("sku_name", sku);
            if (postgres) {
                body.attr("storage_mb", postgresStorageMb(database, storageGb));
            }
            body.attr("backup_retention_days", azureRetention)
                    .blank()
                    .attr("administrator_login", ADMIN_USER)
                    .ref("administrator_password", "var." + password)
                    .attr("public_network_access_enabled", postgres ? Expression.bool(false) : null)
                    .ref("tags", TAGS);
            if (!postgres) {
                body.block("storage", storage -> storage
                        .attr("size_gb", storageGb)
                        .attr("auto_grow_enabled", true));
            }
            if (highAvailability) {
                body.block("high_availability", ha -> ha.attr("mode", "ZoneRedundant"))
                        // Azure picks the zones and swaps them on failover.
                        .block(Blocks.lifecycleIgnoring("zone", "high_availability[0].standby_availability_zone"));
            }
        }));
        AzureSupport.privateEndpoint(context, database, context.resource(database.string("subnet")),
                type + "." + database.id() + ".id", postgres ? "postgresqlServer" : "mysqlServer");
        Declarations.output(context, database.id("endpoint"), "Host name of database " + database.name(),
                type + "." + database.id() + ".fqdn");
    }

    private static String mysqlVersion(String version) {
        return version.equals("8.0") ? "8.0.21" : version;
    }

    private static long postgresStorageMb(ResourceView database, long storageGb) {
        return POSTGRES_STORAGE_MB.stream().filter(mb -> mb >= storageGb * 1024).findFirst()
                .orElseThrow(() -> new MappingException("storageGb " + storageGb + " is more than a PostgreSQL flexible server "
                        + "on azure holds (32 TB)"));
    }

    /** A storage account (names are global: letters and digits plus a random suffix) with one container. */
    @Override
    public void bucket(ResourceView bucket, GenerationContext context) {
        boolean open = bucket.bool("publicAccess");
        String account = "azurerm_storage_account." + bucket.id();
        String suffix = AzureSupport.globalSuffix(context, bucket);
        context.module().resource(bucket.name(), Blocks.resource("azurerm_storage_account", bucket.id(), body -> placed(body
                .attr("name", Expression.template(Names.compact(bucket.name(), 10, context.blueprintName(), 18) + suffix)))
                .attr("account_kind", "StorageV2")
                .attr("account_tier", "Standard")
                .attr("account_replication_type", context.production() ? "ZRS" : "LRS")
                .attr("min_tls_version", "TLS1_2")
                .attr("https_traffic_only_enabled", true)
                .attr("allow_nested_items_to_be_public", open)
                .ref("tags", TAGS)
                .block(bucket.bool("versioning") ? nested("blob_properties", blob -> blob.attr("versioning_enabled", true)) : null)));
        String container = bucket.name().length() >= 3 ? Names.fit(bucket.name(), 63) : bucket.name() + "-objects";
        context.module().resource(bucket.name(), Blocks.resource("azurerm_storage_container", bucket.id(), body -> body
                .attr("name", container)
                .ref("storage_account_id", account + ".id")
                .attr("container_access_type", open ? "blob" : "private")));

        BucketLifecycle lifecycle = BucketLifecycle.of(bucket);
        if (!lifecycle.isEmpty()) {
            context.module().resource(bucket.name(), Blocks.resource("azurerm_storage_management_policy", bucket.id(), body -> body
                    .ref("storage_account_id", account + ".id")
                    .block("rule", rule -> rule
                            .attr("name", "age-based")
                            .attr("enabled", true)
                            .block("filters", filters -> filters.attr("blob_types", Expression.strings(List.of("blockBlob"))))
                            .block("actions", actions -> actions
                                    .block("base_blob", base -> {
                                        lifecycle.archiveAfterDays().ifPresent(days -> base
                                                .attr("tier_to_archive_after_days_since_modification_greater_than", days));
                                        lifecycle.expireAfterDays().ifPresent(days -> base
                                                .attr("delete_after_days_since_modification_greater_than", days));
                                    })))));
        }
        Declarations.output(context, bucket.id("storage_account_name"), "Storage account of bucket " + bucket.name(),
                account + ".name");
        Declarations.output(context, bucket.id("container_name"), "Container of bucket " + bucket.name(),
                "azurerm_storage_container." + bucket.id() + ".name");
    }

    /**
     * Azure Cache for Redis, reached through a private endpoint. Standard and Premium caches
     * always run a replica; more than one needs Premium. Azure offers Redis 6 only.
     */
    @Override
    public void cache(ResourceView cache, GenerationContext context) {
        if (!cache.string("version").equals("6")) {
            throw new MappingException("Azure Cache for Redis offers Redis 6 only; set version: \"6\"");
        }
        String sku = context.sku(cache, "size");
        String tier = sku.substring(0, sku.indexOf('_'));
        String family = sku.substring(sku.indexOf('_') + 1, sku.indexOf('_') + 2);
        long capacity = Long.parseLong(sku.substring(sku.indexOf('_') + 2));
        long replicas = cache.integer("replicas");
        boolean premium = tier.equals("Premium");
        if (replicas > 1 && !premium) {
            throw new MappingException("more than one replica on azure needs a Premium cache (size large or xlarge); size "
                    + cache.string("size") + " is " + sku);
        }
        Expression name = AzureSupport.globalName(context, cache, 63);
        String address = "azurerm_redis_cache." + cache.id();
        context.module().resource(cache.name(), Blocks.resource("azurerm_redis_cache", cache.id(), body -> placed(body
                .attr("name", name))
                .attr("sku_name", tier)
                .attr("family", family)
                .attr("capacity", capacity)
                .attr("redis_version", "6")
                .attr("replicas_per_primary", premium && replicas > 0 ? Expression.number(replicas) : null)
                .attr("minimum_tls_version", "1.2")
                .attr("non_ssl_port_enabled", false)
                .attr("public_network_access_enabled", false)
                .ref("tags", TAGS)));
        AzureSupport.privateEndpoint(context, cache, context.resource(cache.string("subnet")), address + ".id", "redisCache");
        Declarations.output(context, cache.id("endpoint"), "Host name of cache " + cache.name(), address + ".hostname");
    }
}
