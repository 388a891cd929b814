package com.example.authserver.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes audit events older than {@code authforge.audit.retention}, hourly (a db-scheduler recurring task: one
 * instance runs it at a time). A trail kept for ever would hold every address a user ever signed in from.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    @Bean
    RecurringTask<Void> auditRetentionTask(AuditTrail trail, AuditProperties properties, Clock clock) {
        return Tasks.recurring("audit-retention", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> purge(trail, properties, clock));
    }

    static int purge(AuditTrail trail, AuditProperties properties, Clock clock) {
        int deleted = trail.deleteOlderThan(clock.instant().minus(properties.getRetention()));
        if (deleted > 0) {
            log.info("Deleted {} audit event(s) older than {}", deleted, properties.getRetention());
        }
        return deleted;
    }
}
