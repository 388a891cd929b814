package com.example.authserver.device;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps {@code device_poll} small: a row is deleted once its device has not polled for {@link #RETENTION}, longer
 * than a device code lives. Deleting a row early would cost nothing but one poll counted as a first one. An hourly
 * db-scheduler recurring task, so one instance runs it at a time.
 */
@Configuration(proxyBeanMethods = false)
class DevicePollsCleanup {

    static final Duration RETENTION = Duration.ofHours(1);

    @Bean
    RecurringTask<Void> devicePollsCleanupTask(DevicePolls polls, Clock clock) {
        return Tasks.recurring("device-polls-cleanup", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) ->
                        polls.forgetPolledBefore(clock.instant().minus(RETENTION)));
    }
}
