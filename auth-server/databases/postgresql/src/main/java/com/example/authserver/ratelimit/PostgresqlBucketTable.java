package com.example.authserver.ratelimit;

import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL projects only (the archetype writes this file for -Ddatabase=postgresql, and the pom brings Bucket4j's
 * PostgreSQL module): the rate-limit buckets in table rate_limit_buckets, see {@link DatabaseBuckets}. Each change of
 * a bucket locks its row ({@code select ... for update}); a new bucket's row is first inserted empty
 * ({@code on conflict do nothing}), so that two instances creating it at once lock the same row. (The module's
 * advisory-lock variant would also want a column holding each row's lock id, which the row locks make unnecessary.)
 */
@Configuration(proxyBeanMethods = false)
class PostgresqlBucketTable {

    @Bean
    BucketTable bucketTable() {
        return Bucket4jPostgreSQL::selectForUpdateBasedBuilder;
    }
}
