package com.example.authserver.ratelimit;

import io.github.bucket4j.distributed.jdbc.AbstractJdbcProxyManagerBuilder;
import javax.sql.DataSource;

/**
 * Bucket4j's JDBC module for the project's database, which {@link DatabaseBuckets} sets up on table
 * {@code rate_limit_buckets}. A PostgreSQL project has one ({@code PostgresqlBucketTable}), a MySQL project too
 * ({@code MysqlBucketTable}): the archetype writes the file of the chosen database only, and its pom brings the module.
 * An H2 project has none, and keeps the buckets in memory.
 */
@FunctionalInterface
interface BucketTable {

    AbstractJdbcProxyManagerBuilder<Long, ?, ?> proxyManagerBuilder(DataSource dataSource);
}
