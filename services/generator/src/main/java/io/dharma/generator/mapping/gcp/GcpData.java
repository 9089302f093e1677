package io.dharma.generator.mapping.gcp;

import io.dharma.generator.mapping.BucketLifecycle;
import io.dharma.generator.mapping.Data;
import io.dharma.generator.mapping.Declarations;
import io.dharma.generator.mapping.Exprs;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.MappingException;
import io.dharma.generator.mapping.Names;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.Expression;
import java.util.List;
import java.util.Locale;

/**
 * database.postgres, database.mysql, storage.bucket and cache.redis on GCP: Cloud SQL and
 * Memorystore on private IPs (private services access), Cloud Storage. Google encrypts all of
 * them at rest, so {@code encrypted: false} cannot weaken them.
 */
final class GcpData implements Data {

    static final String ADMIN_USER = "dbadmin";

    @Override
    public void database(ResourceView database, GenerationContext context) {
        boolean postgres = database.type().equals("database.postgres");
        long retention = database.integer("backupRetentionDays");
        boolean highAvailability = database.bool("highAvailability");
        if (highAvailability && retention == 0) {
            throw new MappingException("high availability on gcp needs automated backups; set backupRetentionDays to 1 or more");
        }
        ResourceView network = context.networkOf(database).orElseThrow();
        String instance = "google_sql_database_instance." + database.id();
        String version = postgres
                ? "POSTGRES_" + database.string("version")
                : "MYSQL_" + database.string("version").replace('.', '_');
        context.module().resource(database.name(), Blocks.resource("google_sql_database_instance", database.id(), body -> body
                .attr("name", Names.fit(context.cloudName(database), 63))
                .attr("database_version", version)
                .attr("region", context.region())
                .attr("deletion_protection", context.production())
                .block("settings", settings -> settings
                        // db-custom machine types belong to the Enterprise edition.
                        .attr("edition", "ENTERPRISE")
                        .attr("tier", context.sku(database, "size"))
                        .attr("availability_type", highAvailability ? "REGIONAL" : "ZONAL")
                        .attr("disk_type", "PD_SSD")
                        .attr("disk_size", database.integer("storageGb"))
                        .ref("user_labels", GcpSupport.LABELS)
                        .block("backup_configuration", backup -> {
                            backup.attr("enabled", retention > 0);
                            if (postgres) {
                                backup.attr("point_in_time_recovery_enabled", retention > 0);
                            } else {
                                backup.attr("binary_log_enabled", retention > 0);
                            }
                            if (retention > 0) {
                                backup.block("backup_retention_settings", kept -> kept
                                        .attr("retained_backups", retention)
                                        .attr("retention_unit", "COUNT"));
                            }
                        })
                        .block("ip_configuration", ip -> ip
                                .attr("ipv4_enabled", false)
                                .ref("private_network", GcpSupport.networkId(network))
                                .attr("ssl_mode", "ENCRYPTED_ONLY")))
                .blank()
                .attr("depends_on", Exprs.keywords(List.of(GcpSupport.privateServicesConnection(network))))));

        String password = database.id("admin_password");
        Declarations.secret(context, password, "Password of the administrator '" + ADMIN_USER + "' of database " + database.name());
        context.module().resource(database.name(), Blocks.resource("google_sql_user", database.id(), body -> body
                .attr("name", ADMIN_USER)
                .ref("instance", instance + ".name")
                .ref("password", "var." + password)));
        Declarations.output(context, database.id("endpoint"), "Private IP address of database " + database.name(),
                instance + ".private_ip_address");
    }

    /** A Cloud Storage bucket (names are global: a random suffix), uniform access, public only when asked. */
    @Override
    public void bucket(ResourceView bucket, GenerationContext context) {
        boolean open = bucket.bool("publicAccess");
        context.module().useProvider("random");
        context.module().resource(bucket.name(), Blocks.resource("random_id", bucket.id(), body -> body.attr("byte_length", 3)));
        String address = "google_storage_bucket." + bucket.id();
        BucketLifecycle lifecycle = BucketLifecycle.of(bucket);
        context.module().resource(bucket.name(), Blocks.resource("google_storage_bucket", bucket.id(), body -> {
            body.attr("name", Expression.template(Names.fit(context.cloudName(bucket), 56) + "-${random_id." + bucket.id() + ".hex}"))
                    .attr("location", context.region().toUpperCase(Locale.ROOT))
                    .attr("storage_class", "STANDARD")
                    .attr("uniform_bucket_level_access", true)
                    .attr("public_access_prevention", open ? "inherited" : "enforced")
                    .attr("force_destroy", false);
            if (bucket.bool("versioning")) {
                body.block("versioning", versioning -> versioning.attr("enabled", true));
            }
            lifecycle.archiveAfterDays().ifPresent(days -> body.block("lifecycle_rule", rule -> rule
                    .block("condition", condition -> condition.attr("age", days))
                    .block("action", action -> action
                            .attr("type", "SetStorageClass")
                            .attr("storage_class", "ARCHIVE"))));
            lifecycle.expireAfterDays().ifPresent(days -> body.block("lifecycle_rule", rule -> rule
                    .block("condition", condition -> condition.attr("age", days))
                    .block("action", action -> action.attr("type", "Delete"))));
        }));
        if (open) {
            context.module().resource(bucket.name(), Blocks.resource("google_storage_bucket_iam_member", bucket.id("public_read"), body -> body
                    .ref("bucket", address + ".name")
                    .attr("role", "roles/storage.objectViewer")
                    .attr("member", "allUsers")));
        }
        Declarations.output(context, bucket.id("bucket_name"), "Name of bucket " + bucket.name(), address + ".name");
    }

    /**
     * A Memorystore for Redis instance on private services access, with AUTH and TLS. One
     * replica is the Standard tier's failover replica; more are read replicas, which Memorystore
     * offers from 5 GB.
     */
    @Override
    public void cache(ResourceView cache, GenerationContext context) {
        String sku = context.sku(cache, "size");
        long memoryGb = Long.parseLong(sku.replaceAll("\\D", ""));
        long replicas = cache.integer("replicas");
        String tier = replicas > 0 ? "STANDARD_HA" : sku.substring(0, sku.lastIndexOf('_'));
        if (replicas > 1 && memoryGb < 5) {
            throw new MappingException("read replicas on gcp need a cache of 5 GB or more (size large or xlarge); size "
                    + cache.string("size") + " has " + memoryGb + " GB");
        }
        ResourceView network = context.networkOf(cache).orElseThrow();
        String address = "google_redis_instance." + cache.id();
        context.module().resource(cache.name(), Blocks.resource("google_redis_instance", cache.id(), body -> body
                .attr("name", Names.fit(context.cloudName(cache), 40))
                .attr("region", context.region())
                .attr("tier", tier)
                .attr("memory_size_gb", memoryGb)
                .attr("redis_version", cache.string("version").equals("7") ? "REDIS_7_0" : "REDIS_6_X")
                .attr("replica_count", replicas > 1 ? Expression.number(replicas) : null)
                .attr("read_replicas_mode", replicas > 1 ? Expression.string("READ_REPLICAS_ENABLED") : null)
                .blank()
                .ref("authorized_network", GcpSupport.networkId(network))
                .attr("connect_mode", "PRIVATE_SERVICE_ACCESS")
                .attr("auth_enabled", true)
                .attr("transit_encryption_mode", "SERVER_AUTHENTICATION")
                .blank()
                .attr("depends_on", Exprs.keywords(List.of(GcpSupport.privateServicesConnection(network))))));
        Declarations.output(context, cache.id("endpoint"), "Host of cache " + cache.name(), address + ".host");
    }
}
