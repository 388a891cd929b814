package com.example.authserver.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.jdbc.core.JdbcOperations;

/** authforge.account.rate-limits.store picks the bucket store; a store the project cannot have is refused by name. */
class RateLimitStoresTests {

    /** No beans at all: a project without Bucket4j's JDBC module (H2), before any data source matters. */
    final StaticListableBeanFactory nothing = new StaticListableBeanFactory();

    @Test
    void memoryUnlessTheProjectSaysOtherwise() {
        assertThat(bucketStore(new RateLimitProperties())).isInstanceOf(MemoryBuckets.class);
    }

    @Test
    void theDatabaseStoreWithoutABucketTableModuleIsRefusedNamingTheProperty() {
        RateLimitProperties properties = new RateLimitProperties();
        properties.setStore(RateLimitProperties.Store.DATABASE);

        assertThatThrownBy(() -> bucketStore(properties))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("authforge.account.rate-limits.store");
    }

    private BucketStore bucketStore(RateLimitProperties properties) {
        return new RateLimitStores()
                .bucketStore(
                        properties,
                        nothing.getBeanProvider(BucketTable.class),
                        nothing.getBeanProvider(DataSource.class),
                        nothing.getBeanProvider(JdbcOperations.class),
                        Clock.systemUTC());
    }
}
