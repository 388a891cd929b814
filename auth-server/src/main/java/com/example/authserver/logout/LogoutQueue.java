package com.example.authserver.logout;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue of deliveries: a db-scheduler {@link Scheduler} on the application's database (table
 * {@code scheduled_tasks}, from the Flyway migration V1_5). A task is picked by one instance only, survives a
 * restart, and a task scheduled here starts at once on this instance; other instances look every polling interval.
 * It starts with the server and stops with it, waiting a few seconds for running deliveries.
 */
@Configuration(proxyBeanMethods = false)
class LogoutQueue {

    @Bean
    OneTimeTask<LogoutDelivery> backChannelLogoutTask(BackChannelDelivery delivery) {
        return delivery.task();
    }

    /** Runs every {@link Task} bean: the deliveries here, and recurring jobs of other features (started at once). */
    @Bean
    Scheduler logoutScheduler(DataSource dataSource, List<Task<?>> tasks, BackChannelLogoutProperties properties) {
        RecurringTask<?>[] recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .map(RecurringTask.class::cast)
                .toArray(RecurringTask<?>[]::new);
        List<Task<?>> others =
                tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        return Scheduler.create(dataSource, others)
                .startTasks(recurring)
                .serializer(new JsonTaskData())
                .threads(2)
                .pollingInterval(properties.getPollingInterval())
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5))
                // failures are logged by BackChannelDelivery, without the stack trace, once given up
                .failureLogging(LogLevel.DEBUG, false)
                .build();
    }

    @Bean
    SmartLifecycle logoutSchedulerLifecycle(Scheduler logoutScheduler) {
        return new SmartLifecycle() {

            private volatile boolean running;

            @Override
            public void start() {
                logoutScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                logoutScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    /** Task data as JSON rather than Java serialization: readable in the table, and no deserialization gadgets. */
    private static final class JsonTaskData implements Serializer {

        private final JsonMapper json = JsonMapper.builder().build();

        @Override
        public byte[] serialize(Object data) {
            return json.writeValueAsBytes(data);
        }

        @Override
        public <T> T deserialize(Class<T> type, byte[] serialized) {
            return json.readValue(serialized, type);
        }
    }
}
