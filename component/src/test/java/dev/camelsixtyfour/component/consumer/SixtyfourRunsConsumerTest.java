package dev.camelsixtyfour.component.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.support.EmulatedCamel;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulator;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SixtyfourRunsConsumerTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR =
            SixtyfourEmulatorExtension.create(builder -> builder.runStepDuration(Duration.ofMillis(50)));

    private final List<Exchange> emitted = new CopyOnWriteArrayList<>();
    private EmulatedCamel starter;
    private CamelContext consumerContext;

    @BeforeEach
    void startStarter() {
        starter = new EmulatedCamel(EMULATOR.emulator());
    }

    @AfterEach
    void stopAll() {
        if (consumerContext != null) {
            consumerContext.stop();
        }
        starter.close();
    }

    @Test
    void restartWithTheSamePersistentRepositoryEmitsNothingTwice(@TempDir Path directory) throws Exception {
        Path store = directory.resolve("emitted-runs.txt");
        String first = completedRun(EmulatorDefaults.COMPANY_WORKFLOW_ID);
        String second = completedRun(EmulatorDefaults.COMPANY_WORKFLOW_ID);
        completedRun(EmulatorDefaults.LEAD_WORKFLOW_ID);

        consumerContext = startConsumer(FileIdempotentRepository.fileIdempotentRepository(store.toFile()),
                "sixtyfour:runs?workflowId=" + EmulatorDefaults.COMPANY_WORKFLOW_ID);
        await().until(() -> jobIds().size() == 2);
        assertThat(jobIds()).containsExactly(first, second);
        consumerContext.stop();

        String third = completedRun(EmulatorDefaults.COMPANY_WORKFLOW_ID);
        emitted.clear();
        consumerContext = startConsumer(FileIdempotentRepository.fileIdempotentRepository(store.toFile()),
                "sixtyfour:runs?workflowId=" + EmulatorDefaults.COMPANY_WORKFLOW_ID);
        await().until(() -> jobIds().contains(third));
        awaitMorePolls(3);

        assertThat(jobIds()).containsExactly(third);
    }

    @Test
    void completedRunArrivesWithItsRows() throws Exception {
        String jobId = completedRun(EmulatorDefaults.COMPANY_WORKFLOW_ID);

        consumerContext = startConsumer(null, "sixtyfour:workflow?id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID);

        await().until(() -> emitted.size() == 1);
        Exchange exchange = emitted.get(0);
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(SixtyfourConstants.JOB_ID, jobId)
                .containsEntry(SixtyfourConstants.RUN_STATUS, RunStatus.completed);
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        assertThat(rows).extracting(row -> row.get("symbol")).containsExactly("AAPL", "MSFT", "MMM");
    }

    @Test
    void failedRunArrivesWithItsReasonAndNoRows() throws Exception {
        String jobId = finishedRun(EmulatorDefaults.FAILING_WORKFLOW_ID, "failed");

        consumerContext = startConsumer(null, "sixtyfour:runs?workflowId=" + EmulatorDefaults.FAILING_WORKFLOW_ID);

        await().until(() -> emitted.size() == 1);
        assertThat(emitted.get(0).getMessage().getHeaders())
                .containsEntry(SixtyfourConstants.JOB_ID, jobId)
                .containsEntry(SixtyfourConstants.RUN_STATUS, RunStatus.failed)
                .containsEntry(SixtyfourConstants.STATUS_REASON, "block_failed");
        assertThat(emitted.get(0).getMessage().getBody(List.class)).isEmpty();
    }

    @Test
    void runWhoseRouteFailedIsEmittedAgainOnTheNextPoll() throws Exception {
        String jobId = completedRun(EmulatorDefaults.COMPANY_WORKFLOW_ID);
        consumerContext = new DefaultCamelContext();
        consumerContext.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri("sixtyfour:runs?workflowId=" + EmulatorDefaults.COMPANY_WORKFLOW_ID))
                        .process(exchange -> {
                            emitted.add(exchange.copy());
                            if (emitted.size() == 1) {
                                throw new IllegalStateException("downstream is down");
                            }
                        });
            }
        });
        consumerContext.start();

        await().until(() -> emitted.size() == 2);
        awaitMorePolls(3);

        assertThat(jobIds()).containsExactly(jobId, jobId);
    }

    private CamelContext startConsumer(IdempotentRepository repository, String uri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        String options = "";
        if (repository != null) {
            context.getRegistry().bind("emittedRuns", repository);
            options = "&idempotentRepository=#emittedRuns";
        }
        String consumer = consumerUri(uri) + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer).process(exchange -> emitted.add(exchange.copy()));
            }
        });
        context.start();
        return context;
    }

    private static String consumerUri(String uri) {
        SixtyfourEmulator emulator = EMULATOR.emulator();
        return uri + "&apiKey=RAW(" + EmulatorDefaults.DEFAULT_API_KEY + ")&baseUri=" + emulator.baseUri()
               + "&initialDelay=0&delay=100";
    }

    private List<String> jobIds() {
        return emitted.stream().map(exchange -> exchange.getMessage().getHeader(SixtyfourConstants.JOB_ID,
                String.class)).toList();
    }

    private void awaitMorePolls(int polls) {
        long before = listCalls();
        await().until(() -> listCalls() >= before + polls);
    }

    private static long listCalls() {
        return EMULATOR.emulator().requests("/workflows/runs").stream()
                .filter(request -> request.path().equals("/workflows/runs")).count();
    }

    private String completedRun(String workflowId) {
        return finishedRun(workflowId, "completed");
    }

    private String finishedRun(String workflowId, String status) {
        Object rows = EmulatorDefaults.LEAD_WORKFLOW_ID.equals(workflowId)
                ? List.of(Map.of("email", "ada@acme.example")) : EmulatedCamel.COMPANIES;
        String jobId = starter.startRun(workflowId, rows, "");
        await().until(() -> EMULATOR.emulator().run(jobId).map(run -> status.equals(run.status())).orElse(false));
        return jobId;
    }
}
