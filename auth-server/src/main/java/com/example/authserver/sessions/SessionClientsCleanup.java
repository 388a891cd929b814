package com.example.authserver.sessions;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps {@code session_clients} small: a session that expires without a sign-out leaves its rows, which are deleted
 * once older than {@link #RETENTION} (far beyond a session's idle timeout). An hourly db-scheduler recurring task, so
 * one instance runs it at a time.
 */
@Configuration(proxyBeanMethods = false)
class SessionClientsCleanup {

    static final Duration RETENTION = Duration.ofDays(30);

    @Bean
    RecurringTask<Void> sessionClientsCleanupTask(SessionClients sessionClients, Clock clock) {
        return Tasks.recurring("session-clients-cleanup", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) ->
                        sessionClients.forgetOlderThan(clock.instant().minus(RETENTION)));
    }
}
