package dev.camelsixtyfour.component.await;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.camelsixtyfour.component.SixtyfourAwaitTimeoutException;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.client.SixtyfourClient;
import dev.camelsixtyfour.component.model.LiveStatus;
import dev.camelsixtyfour.component.model.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a run's live status on an {@link AwaitSchedule} until the run reaches a terminal status. No thread waits:
 * each poll is a task on the scheduler whose answer schedules the next one. Each wait's state lives in its own
 * {@link Wait}; the awaiter only keeps the waits still going, so that it can end them when the endpoint stops.
 */
public final class RunAwaiter {

    private static final Logger LOG = LoggerFactory.getLogger(RunAwaiter.class);

    private final SixtyfourClient client;
    private final ScheduledExecutorService scheduler;
    private final Set<Wait> waits = ConcurrentHashMap.newKeySet();

    public RunAwaiter(SixtyfourClient client, ScheduledExecutorService scheduler) {
        this.client = client;
        this.scheduler = scheduler;
    }

    /**
     * Completes with the terminal live status, or exceptionally with a {@link SixtyfourAwaitTimeoutException} when
     * the schedule's timeout passes first (the run is left alone), or with the failure of a poll.
     */
    public CompletableFuture<LiveStatus> await(String workflowId, String jobId, AwaitSchedule schedule) {
        Wait wait = new Wait(workflowId, jobId, schedule);
        waits.add(wait);
        wait.outcome.whenComplete((status, failure) -> waits.remove(wait));
        wait.scheduleNext();
        return wait.outcome;
    }

    /**
     * Fails every wait still going, because the scheduler that would run their next polls is going away. The runs
     * themselves are left alone.
     */
    public void close() {
        // Known limitation: a wait does not survive its endpoint; the exchange fails and the run goes on unobserved.
        for (Wait wait : waits) {
            LOG.info("Stopped waiting for run {} because the endpoint is stopping; the run goes on", wait.jobId);
            wait.outcome.completeExceptionally(stopping(wait.jobId, null));
        }
    }

    private static SixtyfourException stopping(String jobId, Throwable cause) {
        return SixtyfourException.builder("Stopped waiting for run " + jobId
                                          + " because the endpoint is stopping; the run goes on")
                .cause(cause).build();
    }

    private final class Wait {

        private final String workflowId;
        private final String jobId;
        private final AwaitSchedule schedule;
        private final long startNanos = System.nanoTime();
        private final CompletableFuture<LiveStatus> outcome = new CompletableFuture<>();
        private int polls;
        private volatile RunStatus lastStatus;

        Wait(String workflowId, String jobId, AwaitSchedule schedule) {
            this.workflowId = workflowId;
            this.jobId = jobId;
            this.schedule = schedule;
        }

        void scheduleNext() {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            Optional<Duration> delay = schedule.nextDelay(polls, elapsed);
            if (delay.isEmpty()) {
                LOG.info("Stopped waiting for run {} after {} polls; last status {}", jobId, polls, lastStatus);
                outcome.completeExceptionally(
                        new SixtyfourAwaitTimeoutException(workflowId, jobId, lastStatus, schedule.timeout()));
                return;
            }
            try {
                scheduler.schedule(this::poll, delay.get().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                outcome.completeExceptionally(stopping(jobId, e));
            }
        }

        private void poll() {
            polls++;
            client.liveStatus(jobId).whenComplete((status, failure) -> {
                if (failure != null) {
                    outcome.completeExceptionally(failure);
                    return;
                }
                lastStatus = status.overallStatus();
                LOG.debug("Run {} poll {}: {} {}%", jobId, polls, lastStatus, status.overallProgressPercentage());
                if (lastStatus != null && lastStatus.isTerminal()) {
                    outcome.complete(status);
                } else {
                    scheduleNext();
                }
            });
        }
    }
}
