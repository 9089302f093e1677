package io.dharma.generator.mapping;

/** database.postgres and database.mysql (one mapper), storage.bucket and cache.redis on one cloud. */
public interface Data {
    void database(ResourceView database, GenerationContext context);

    void bucket(ResourceView bucket, GenerationContext context);

    void cache(ResourceView cache, GenerationContext context);
}
