package com.example.authserver.ratelimit;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The one place where the bucket store is chosen, by {@code authforge.account.rate-limits.store}: {@code database}
 * in PostgreSQL and MySQL projects (their application.yml says so), {@code memory} in H2 projects.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RateLimitStores {

    static final String STORE_PROPERTY = "authforge.account.rate-limits.store";

    @Bean
    BucketStore bucketStore(
            RateLimitProperties properties,
            ObjectProvider<BucketTable> table,
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<JdbcOperations> jdbc,
            Clock clock) {
        return switch (properties.getStore()) {
            case MEMORY -> new MemoryBuckets(properties.getMaxTrackedKeys(), clock);
            case DATABASE ->
                new DatabaseBuckets(
                        table.getIfAvailable(() -> {
                            throw new InvalidConfigurationPropertyValueException(
                                    STORE_PROPERTY,
                                    "database",
                                    "this project has no "
                                            + "Bucket4j JDBC module for its database (PostgreSQL and MySQL projects have one); use memory");
                        }),
                        dataSource.getObject(),
                        jdbc.getObject(),
                        properties.getCleanupInterval(),
                        clock);
        };
    }

    @Bean
    BucketCleanup bucketCleanup(BucketStore store, RateLimitProperties properties) {
        return new BucketCleanup(store, properties);
    }
}
