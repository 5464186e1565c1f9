package dev.camelsixtyfour.component.client;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.camelsixtyfour.component.SixtyfourConfiguration;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.model.LiveStatus;
import dev.camelsixtyfour.component.model.ResultFile;
import dev.camelsixtyfour.component.model.ResultFormat;
import dev.camelsixtyfour.component.model.RunRequest;
import dev.camelsixtyfour.component.model.RunStarted;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.model.RunsQuery;
import dev.camelsixtyfour.component.model.WebhookPayload;
import dev.camelsixtyfour.component.model.Workflow;
import dev.camelsixtyfour.component.model.WorkflowRun;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.RecordedRequest;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Every verb of the client against the emulator: the calls the follow-up operations are built on. */
class HttpSixtyfourClientTest {

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(
            builder -> builder.runStepDuration(Duration.ofMillis(50)));

    private ExecutorService executor;
    private ScheduledExecutorService scheduler;
    private HttpSixtyfourClient client;

    @BeforeEach
    void createClient() {
        SixtyfourConfiguration config = new SixtyfourConfiguration();
        config.setApiKey(EmulatorDefaults.DEFAULT_API_KEY);
        config.setBaseUri(EMULATOR.emulator().baseUri() + "/");
        config.setRetryInitialDelay(10);
        executor = Executors.newCachedThreadPool();
        scheduler = Executors.newSingleThreadScheduledExecutor();
        client = new HttpSixtyfourClient(ClientSettings.from(config), executor, scheduler,
                RequestRateLimiter.unlimited());
    }

    @AfterEach
    void closeClient() {
        client.close();
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    @Test
    void getWorkflowReturnsItsBlockGraph() {
        Workflow workflow = client.getWorkflow(EmulatorDefaults.LEAD_WORKFLOW_ID).join();

        assertThat(workflow.id()).isEqualTo(EmulatorDefaults.LEAD_WORKFLOW_ID);
        assertThat(workflow.sourceBlock()).hasValueSatisfying(source -> {
            assertThat(source.isWebhook()).isTrue();
            assertThat(source.inputSchema().requiredColumns()).containsExactly("email");
        });
    }

    @Test
    void listWorkflowsNamesTheOrganisationsWorkflows() {
        List<Workflow> workflows = client.listWorkflows().join();

        assertThat(workflows).extracting(Workflow::id)
                .contains(EmulatorDefaults.COMPANY_WORKFLOW_ID, EmulatorDefaults.LEAD_WORKFLOW_ID)
                .doesNotContain(EmulatorDefaults.OTHER_ORG_WORKFLOW_ID);
    }

    @Test
    void liveStatusAndListRunsFollowAStartedRun() {
        RunStarted started = startCompanyRun(true);

        await().atMost(Duration.ofSeconds(20)).until(() -> client.liveStatus(started.jobId()).join()
                .overallStatus() == RunStatus.completed);
        LiveStatus status = client.liveStatus(started.jobId()).join();
        List<WorkflowRun> runs = client.listRuns(new RunsQuery("completed", EmulatorDefaults.COMPANY_WORKFLOW_ID,
                10)).join();

        assertThat(status.runId()).isEqualTo(started.jobId());
        assertThat(status.blocks()).isNotEmpty();
        assertThat(runs).extracting(WorkflowRun::jobId).containsExactly(started.jobId());
        assertThat(runs.get(0).status()).isEqualTo(RunStatus.completed);
    }

    @Test
    void cancelStopsARunningRunAndAFinishedRunIsAConflict() {
        RunStarted started = startCompanyRun(false);

        assertThat(client.cancel(started.jobId()).join().status()).isEqualTo(RunStatus.cancelled);
        assertThatThrownBy(() -> client.cancel(started.jobId()).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(SixtyfourException.class)
                .satisfies(error -> assertThat(((SixtyfourException) error.getCause()).getStatusCode())
                        .isEqualTo(409));
    }

    @Test
    void downloadLinksAndTheSignedDownloadGiveTheResultsWithoutTheKey() throws Exception {
        RunStarted started = startCompanyRun(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> client.liveStatus(started.jobId()).join()
                .overallStatus() == RunStatus.completed);

        List<ResultFile> files = client.downloadLinks(started.jobId(), ResultFormat.json).join();
        ResultFile last = files.get(files.size() - 1);
        String downloaded;
        try (InputStream in = client.download(URI.create(last.downloadUrl())).join()) {
            downloaded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(last.downloadUrl()).isNotBlank();
        assertThat(downloaded).contains("\"symbol\"", "MMM");
        List<RecordedRequest> downloads = EMULATOR.emulator().requests("/downloads");
        assertThat(downloads).singleElement()
                .satisfies(request -> assertThat(request.header("x-api-key")).isNull());
    }

    @Test
    void aRefusedDownloadIsTheOneExceptionType() {
        URI unsigned = URI.create(EMULATOR.emulator().baseUri() + "/downloads/nothing/file.json");

        assertThatThrownBy(() -> client.download(unsigned).join())
                .hasCauseInstanceOf(SixtyfourException.class)
                .satisfies(error -> assertThat(((SixtyfourException) error.getCause()).getStatusCode())
                        .isEqualTo(403));
    }

    @Test
    void anInvalidRunIdIsUnprocessable() {
        assertThatThrownBy(() -> client.liveStatus("not-a-uuid").join())
                .hasCauseInstanceOf(SixtyfourException.class)
                .satisfies(error -> assertThat(((SixtyfourException) error.getCause()).getStatusCode())
                        .isEqualTo(422));
    }

    private RunStarted startCompanyRun(boolean saveJson) {
        WebhookPayload payload = WebhookPayload.ofTree(JsonNodeFactory.instance.arrayNode()
                .add(JsonNodeFactory.instance.objectNode().put("symbol", "MMM").put("name", "3M")));
        return client.startRun(new RunRequest(EmulatorDefaults.COMPANY_WORKFLOW_ID, payload, null, saveJson,
                saveJson ? Set.of(ResultFormat.json) : Set.of(),
                "client-test-" + saveJson)).join();
    }
}
