package io.dharma.generator.mapping.aws;

import static io.dharma.generator.mapping.Exprs.refs;
import static io.dharma.generator.terraform.Blocks.nested;

import io.dharma.generator.mapping.BucketLifecycle;
import io.dharma.generator.mapping.Data;
import io.dharma.generator.mapping.Declarations;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.Names;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.Expression;
import java.util.List;

/** database.postgres, database.mysql, storage.bucket and cache.redis on AWS: RDS, S3, ElastiCache. */
final class AwsData implements Data {

    static final String ADMIN_USER = "dbadmin";

    /**
     * An RDS instance. The master password is generated and kept in Secrets Manager by RDS
     * ({@code manage_master_user_password}), so it appears neither in the code nor in the state.
     */
    @Override
    public void database(ResourceView database, GenerationContext context) {
        ResourceView subnet = context.resource(database.string("subnet"));
        List<String> subnets = AwsSupport.subnetGroup(context, database, subnet);
        String engine = database.type().equals("database.postgres") ? "postgres" : "mysql";
        String identifier = Names.fit(context.cloudName(database), 63);
        context.module().resource(database.name(), Blocks.resource("aws_db_subnet_group", database.id(), body -> body
                .attr("name", identifier)
                .attr("subnet_ids", refs(subnets))));

        List<String> groups = AwsSupport.securityGroupIds(context, database);
        boolean production = context.production();
        context.module().resource(database.name(), Blocks.resource("aws_db_instance", database.id(), body -> body
                .attr("identifier", identifier)
                .attr("engine", engine)
                .attr("engine_version", database.string("version"))
                .attr("instance_class", context.sku(database, "size"))
                .attr("allocated_storage", database.integer("storageGb"))
                .attr("storage_type", "gp3")
                .attr("storage_encrypted", database.bool("encrypted"))
                .attr("multi_az", database.bool("highAvailability"))
                .attr("backup_retention_period", database.integer("backupRetentionDays"))
                .blank()
                .ref("db_subnet_group_name", "aws_db_subnet_group." + database.id() + ".name")
                .attr("vpc_security_group_ids", groups.isEmpty() ? null : refs(groups))
                .attr("publicly_accessible", false)
                .blank()
                .attr("username", ADMIN_USER)
                .attr("manage_master_user_password", true)
                .blank()
                .attr("copy_tags_to_snapshot", true)
                .attr("deletion_protection", production)
                .attr("skip_final_snapshot", !production)
                .attr("final_snapshot_identifier", production ? Names.fit(identifier + "-final", 255) : null)));

        Declarations.output(context, database.id("endpoint"), "Host name of database " + database.name(),
                "aws_db_instance." + database.id() + ".address");
        Declarations.output(context, database.id("master_secret_arn"),
                "Secrets Manager secret holding the master password of " + database.name(),
                "aws_db_instance." + database.id() + ".master_user_secret[0].secret_arn");
    }

    @Override
    public void bucket(ResourceView bucket, GenerationContext context) {
        String id = bucket.id();
        String bucketId = "aws_s3_bucket." + id + ".id";
        boolean open = bucket.bool("publicAccess");
        // S3 appends a unique suffix to bucket_prefix: bucket names are global.
        context.module().resource(bucket.name(), Blocks.resource("aws_s3_bucket", id, body -> body
                .attr("bucket_prefix", Names.fit(context.cloudName(bucket), 36) + "-")
                .attr("force_destroy", false)));
        if (bucket.bool("versioning")) {
            context.module().resource(bucket.name(), Blocks.resource("aws_s3_bucket_versioning", id, body -> body
                    .ref("bucket", bucketId)
                    .block("versioning_configuration", versioning -> versioning.attr("status", "Enabled"))));
        }
        if (bucket.bool("encrypted")) {
            context.module().resource(bucket.name(), Blocks.resource("aws_s3_bucket_server_side_encryption_configuration", id, body -> body
                    .ref("bucket", bucketId)
                    .block("rule", rule -> rule
                            .block("apply_server_side_encryption_by_default", sse -> sse.attr("sse_algorithm", "AES256"))
                            .attr("bucket_key_enabled", true))));
        }
        context.module().resource(bucket.name(), Blocks.resource("aws_s3_bucket_public_access_block", id, body -> body
                .ref("bucket", bucketId)
                .attr("block_public_acls", !open)
                .attr("block_public_policy", !open)
                .attr("ignore_public_acls", !open)
                .attr("restrict_public_buckets", !open)));
        if (open) {
            context.module().data(Blocks.data("aws_iam_policy_document", id + "_public_read", body -> body
                    .block("statement", statement -> statement
                            .attr("sid", "PublicRead")
                            .attr("actions", Expression.strings(List.of("s3:GetObject")))
                            .attr("resources", Expression.list(Expression.template("${aws_s3_bucket." + id + ".arn}/*")))
                            .block("principals", principals -> principals
                                    .attr("type", "*")
                                    .attr("identifiers", Expression.strings(List.of("*")))))));
            context.module().resource(bucket.name(), Blocks.resource("aws_s3_bucket_policy", id, body -> body
                    .ref("bucket", bucketId)
                    .ref("policy", "data.aws_iam_policy_document." + id + "_public_read.json")
                    .blank()
                    // The policy is refused while the public access block still blocks public policies.
                    .attr("depends_on", io.dharma.generator.mapping.Exprs.keywords(
                            List.of("aws_s3_bucket_public_access_block." + id)))));
        }
        BucketLifecycle lifecycle = BucketLifecycle.of(bucket);
        if (!lifecycle.isEmpty()) {
            context.module().resource(bucket.name(), Blocks.resource("aws_s3_bucket_lifecycle_configuration", id, body -> body
                    .ref("bucket", bucketId)
                    .block("rule", rule -> rule
                            .attr("id", "age-based")
                            .attr("status", "Enabled")
                            .block("filter", filter -> { })
                            .block(lifecycle.archiveAfterDays().map(days -> nested("transition", transition -> transition
                                    .attr("days", days)
                                    .attr("storage_class", "GLACIER"))).orElse(null))
                            .block(lifecycle.expireAfterDays().map(days -> nested("expiration", expiration -> expiration
                                    .attr("days", days))).orElse(null)))));
        }
        Declarations.output(context, bucket.id("bucket_name"), "Name of bucket " + bucket.name(),
                "aws_s3_bucket." + id + ".bucket");
    }

    /**
     * A Redis replication group: a primary plus {@code replicas} read replicas, encrypted at rest and in transit.
     * Also for a single node, though {@code aws_elasticache_cluster} could express one: it has no
     * at-rest encryption and the provider gives it transit encryption for Memcached only, and
     * adding a first replica would replace the cache (new resource type, empty data, new endpoint)
     * where a replication group changes {@code num_cache_clusters} in place.
     */
    @Override
    public void cache(ResourceView cache, GenerationContext context) {
        ResourceView subnet = context.resource(cache.string("subnet"));
        long replicas = cache.integer("replicas");
        List<String> subnets = replicas > 0
                ? AwsSupport.subnetGroup(context, cache, subnet)
                : List.of(AwsSupport.subnetId(subnet));
        String name = Names.fit(context.cloudName(cache), 40);
        context.module().resource(cache.name(), Blocks.resource("aws_elasticache_subnet_group", cache.id(), body -> body
                .attr("name", name)
                .attr("subnet_ids", refs(subnets))));
        List<String> groups = AwsSupport.securityGroupIds(context, cache);
        context.module().resource(cache.name(), Blocks.resource("aws_elasticache_replication_group", cache.id(), body -> body
                .attr("replication_group_id", name)
                .attr("description", "Redis cache " + cache.name() + " of blueprint " + context.blueprintName())
                .attr("engine", "redis")
                .attr("engine_version", cache.string("version").equals("7") ? "7.1" : "6.2")
                .attr("node_type", context.sku(cache, "size"))
                .attr("num_cache_clusters", 1 + replicas)
                .attr("automatic_failover_enabled", replicas > 0)
                .attr("multi_az_enabled", replicas > 0)
                .attr("port", 6379)
                .blank()
                .ref("subnet_group_name", "aws_elasticache_subnet_group." + cache.id() + ".name")
                .attr("security_group_ids", groups.isEmpty() ? null : refs(groups))
                .blank()
                .attr("at_rest_encryption_enabled", true)
                .attr("transit_encryption_enabled", true)));
        Declarations.output(context, cache.id("endpoint"), "Primary endpoint of cache " + cache.name(),
                "aws_elasticache_replication_group." + cache.id() + ".primary_endpoint_address");
    }
}
