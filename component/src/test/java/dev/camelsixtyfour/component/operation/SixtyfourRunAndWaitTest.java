package dev.camelsixtyfour.component.operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelsixtyfour.component.SixtyfourAwaitTimeoutException;
import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.SixtyfourRunFailedException;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.support.EmulatedCamel;
import dev.camelsixtyfour.emulator.EmulatedRun;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SixtyfourRunAndWaitTest {

    private static final Duration STEP = Duration.ofMillis(300);
    private static final String FAST_POLLS = "operation=runAndWait&awaitInitialDelay=50&awaitPollInterval=100"
                                             + "&awaitMaxInterval=200";

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR =
            SixtyfourEmulatorExtension.create(builder -> builder.runStepDuration(STEP));

    @RegisterExtension
    final EmulatedCamel camel = EmulatedCamel.perTest(EMULATOR);

    @Test
    void completedRunFinishesTheExchangeWithItsRows() {
        Exchange exchange = camel.send(workflowUri(EmulatorDefaults.COMPANY_WORKFLOW_ID, FAST_POLLS),
                EmulatedCamel.COMPANIES, Map.of());

        assertThat(exchange.getException()).isNull();
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        assertThat(rows).extracting(row -> row.get("symbol")).containsExactly("AAPL", "MSFT", "MMM");
        assertThat(exchange.getMessage().getHeader(SixtyfourConstants.RUN_STATUS)).isEqualTo(RunStatus.completed);
        assertThat(EMULATOR.emulator().requests("/workflows/runs/").stream()
                .filter(request -> request.path().endsWith("/live_status")).count()).isGreaterThan(1);
    }

    @Test
    void failedRunFailsWithTheServiceReason() {
        Exchange exchange = camel.send(workflowUri(EmulatorDefaults.FAILING_WORKFLOW_ID, FAST_POLLS),
                EmulatedCamel.COMPANIES, Map.of());

        String jobId = EMULATOR.emulator().runs().get(0).jobId();
        assertThat(exchange.getException()).isInstanceOfSatisfying(SixtyfourRunFailedException.class, failure -> {
            assertThat(failure.getJobId()).isEqualTo(jobId);
            assertThat(failure.getRunStatus()).isEqualTo(RunStatus.failed);
            assertThat(failure.getStatusReason()).isEqualTo("block_failed");
            assertThat(failure.getErrorMessage()).contains("failed");
            assertThat(failure.getMessage()).contains(jobId).contains("block_failed");
        });
    }

    @Test
    void cancelledRunFailsAsCancelled() {
        CompletableFuture<Exchange> waiting = sendAsync(workflowUri(EmulatorDefaults.COMPANY_WORKFLOW_ID, FAST_POLLS));
        await().until(() -> !EMULATOR.emulator().runs().isEmpty());
        String jobId = EMULATOR.emulator().runs().get(0).jobId();

        camel.send(camel.uri("runs", "operation=cancel"), jobId, Map.of());

        Exchange exchange = waiting.join();
        assertThat(exchange.getException()).isInstanceOfSatisfying(SixtyfourRunFailedException.class, failure -> {
            assertThat(failure.getRunStatus()).isEqualTo(RunStatus.cancelled);
            assertThat(failure.getStatusReason()).isEqualTo("cancelled_by_user");
        });
    }

    @Test
    void timeoutSaysSoAndLeavesTheRunRunning() {
        Exchange exchange = camel.send(workflowUri(EmulatorDefaults.COMPANY_WORKFLOW_ID,
                FAST_POLLS + "&awaitTimeout=250"), EmulatedCamel.COMPANIES, Map.of());

        EmulatedRun run = EMULATOR.emulator().runs().get(0);
        assertThat(exchange.getException()).isInstanceOfSatisfying(SixtyfourAwaitTimeoutException.class, timeout -> {
            assertThat(timeout.getJobId()).isEqualTo(run.jobId());
            assertThat(timeout.getLastStatus()).isIn(RunStatus.queued, RunStatus.running);
            assertThat(timeout.getMessage()).contains("left running");
        });
        assertThat(EMULATOR.emulator().requests("/workflows/cancel")).isEmpty();
        await().until(() -> EMULATOR.emulator().run(run.jobId()).map(r -> "completed".equals(r.status())).orElse(false));
    }

    @Test
    void waitingRunsHoldNoThread() {
        List<CompletableFuture<Exchange>> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(sendAsync(workflowUri(EmulatorDefaults.COMPANY_WORKFLOW_ID, FAST_POLLS)));
        }
        // Every wait has polled once: all eight are past the start and inside their wait.
        await().until(() -> polledRuns() == 8);

        // A thread may be inside a poll at any one instant; a thread parked for the wait would be there every time.
        await().until(() -> threadsInsideTheWait().isEmpty() && waits.stream().noneMatch(CompletableFuture::isDone));

        waits.forEach(wait -> assertThat(wait.join().getException()).isNull());
    }

    @Test
    void stoppingTheEndpointEndsTheWaitAndLeavesTheRunGoing() {
        CompletableFuture<Exchange> waiting = sendAsync(workflowUri(EmulatorDefaults.COMPANY_WORKFLOW_ID, FAST_POLLS));
        await().until(() -> polledRuns() == 1);

        camel.context().stop();

        Exchange exchange = waiting.join();
        assertThat(exchange.getException()).isInstanceOf(SixtyfourException.class)
                .hasMessageContaining("endpoint is stopping");
        String jobId = EMULATOR.emulator().runs().get(0).jobId();
        await().until(() -> EMULATOR.emulator().run(jobId).map(r -> "completed".equals(r.status())).orElse(false));
    }

    @Test
    void contradictoryAwaitOptionsFailNamingThem() {
        String uri = workflowUri(EmulatorDefaults.COMPANY_WORKFLOW_ID,
                "operation=runAndWait&awaitPollInterval=10s&awaitMaxInterval=5s");

        assertThatThrownBy(() -> camel.send(uri, EmulatedCamel.COMPANIES, Map.of()))
                .hasStackTraceContaining("awaitMaxInterval");
        assertThat(EMULATOR.emulator().runs()).isEmpty();
    }

    private static long polledRuns() {
        return EMULATOR.emulator().requests("/workflows/runs/").stream()
                .filter(request -> request.path().endsWith("/live_status"))
                .map(request -> request.path()).distinct().count();
    }

    private static List<String> threadsInsideTheWait() {
        List<String> parked = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getState() == Thread.State.RUNNABLE) {
                // A poll being carried out right now is work, not waiting.
                return;
            }
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith("dev.camelsixtyfour.component.await")
                    || frame.getClassName().endsWith("RunAndWaitOperation")) {
                    parked.add(thread.getName() + " " + thread.getState());
                    return;
                }
            }
        });
        return parked;
    }

    private CompletableFuture<Exchange> sendAsync(String uri) {
        Exchange exchange = new DefaultExchange(camel.context());
        exchange.getMessage().setBody(EmulatedCamel.COMPANIES);
        return camel.template().asyncSend(uri, exchange);
    }

    private String workflowUri(String workflowId, String options) {
        return camel.uri("workflow", "id=" + workflowId + "&" + options);
    }
}
