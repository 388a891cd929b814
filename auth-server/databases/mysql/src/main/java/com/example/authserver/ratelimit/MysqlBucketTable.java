package com.example.authserver.ratelimit;

import io.github.bucket4j.mysql.Bucket4jMySQL;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MySQL and MariaDB projects only (the archetype writes this file for -Ddatabase=mysql, and the pom brings Bucket4j's
 * MySQL module): the rate-limit buckets in table rate_limit_buckets, see {@link DatabaseBuckets}. Each change of a
 * bucket locks its row ({@code select ... for update}); a new bucket's row is first inserted empty
 * ({@code insert ignore}), so that two instances creating it at once lock the same row.
 */
@Configuration(proxyBeanMethods = false)
class MysqlBucketTable {

    @Bean
    BucketTable bucketTable() {
        return Bucket4jMySQL::selectForUpdateBasedBuilder;
    }
}
