package com.example.authserver.logout;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
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

    /**
     * Runs every {@link Task} bean: the deliveries here, and recurring jobs of other features (started at once). A
     * db-scheduler {@link Scheduler} cannot start again once stopped, so each start builds a new one (a stopped
     * application context may be started again: tests share paused contexts).
     */
    @Bean
    RestartableScheduler logoutScheduler(
            DataSource dataSource, List<Task<?>> tasks, BackChannelLogoutProperties properties) {
        RecurringTask<?>[] recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .map(RecurringTask.class::cast)
                .toArray(RecurringTask<?>[]::new);
        List<Task<?>> others =
                tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        SchedulerClient whileStopped = SchedulerClient.Builder.create(dataSource, others)
                .serializer(new JsonTaskData())
                .build();
        return new RestartableScheduler(
                whileStopped,
                () -> Scheduler.create(dataSource, others)
                        .startTasks(recurring)
                        .serializer(new JsonTaskData())
                        .threads(2)
                        .pollingInterval(properties.getPollingInterval())
                        .enableImmediateExecution()
                        .shutdownMaxWait(Duration.ofSeconds(5))
                        // failures are logged by BackChannelDelivery, without the stack trace, once given up
                        .failureLogging(LogLevel.DEBUG, false)
                        .build());
    }

    /** The scheduler of the moment, started and stopped with the application. */
    static final class RestartableScheduler implements SmartLifecycle {

        private final SchedulerClient whileStopped;

        private final Supplier<Scheduler> schedulers;

        private volatile Scheduler current;

        private volatile boolean running;

        RestartableScheduler(SchedulerClient whileStopped, Supplier<Scheduler> schedulers) {
            this.whileStopped = whileStopped;
            this.schedulers = schedulers;
        }

        /**
         * Where deliveries are queued: the running scheduler (its table, and a start at once on this instance), or
         * while stopped the table alone (a running instance picks the task up).
         */
        SchedulerClient client() {
            Scheduler scheduler = current;
            return scheduler != null ? scheduler : whileStopped;
        }

        @Override
        public synchronized void start() {
            if (running) {
                return;
            }
            Scheduler scheduler = schedulers.get();
            scheduler.start();
            current = scheduler;
            running = true;
        }

        @Override
        public synchronized void stop() {
            if (!running) {
                return;
            }
            Scheduler scheduler = current;
            current = null;
            running = false;
            scheduler.stop();
        }

        @Override
        public boolean isRunning() {
            return running;
        }
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
