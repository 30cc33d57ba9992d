package io.mvinfra.host.scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import io.mvinfra.host.module.JobDescriptor;
import io.mvinfra.host.module.Module;
import io.mvinfra.host.module.TimerDescriptor;
import io.mvinfra.host.runtime.JobRunner;
import io.mvinfra.host.store.Database;

/**
 * Fires the module's jobs on their timers through db-scheduler: executions live in the database, so when
 * several hosts share one PostgreSQL a run is picked by exactly one of them, and a schedule survives a restart.
 */
public final class HostScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HostScheduler.class);

    private final Scheduler scheduler;
    private final List<String> scheduled = new ArrayList<>();

    public HostScheduler(Database database, Module module, JobRunner jobs, Duration pollingInterval) {
        List<RecurringTask<Void>> tasks = new ArrayList<>();
        for (JobDescriptor job : module.jobs().values()) {
            TimerDescriptor timer = job.timerCode() == null ? null : module.timers().get(job.timerCode());
            if (!job.active() || timer == null) {
                continue;
            }
            tasks.add(Tasks.recurring("job:" + job.code(), Schedules.cron(timer.cron()))
                    .execute((instance, context) -> jobs.run(job.code(), "scheduler")));
            scheduled.add(job.code() + " (" + timer.cron() + ")");
        }
        var builder = Scheduler.create(database.dataSource())
                .startTasks(tasks)
                .pollingInterval(pollingInterval)
                .threads(2);
        if (!database.settings().isPostgres()) {
            // db-scheduler knows PostgreSQL's time columns; on H2 it is told that timestamps are stored in UTC
            builder.alwaysPersistTimestampInUTC();
        }
        this.scheduler = builder.build();
    }

    public void start() {
        scheduler.start();
        log.info("scheduler started: {}", scheduled.isEmpty() ? "no scheduled job" : String.join(", ", scheduled));
    }

    public List<String> scheduled() {
        return List.copyOf(scheduled);
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
