package dev.camelsixtyfour.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.support.ArtemisResource;
import dev.camelsixtyfour.app.support.CallbackServerResource;
import dev.camelsixtyfour.app.support.CallbackServerResource.Callback;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.Ingest;
import dev.camelsixtyfour.app.support.SftpServerResource;
import dev.camelsixtyfour.app.support.SinksProfile;
import dev.camelsixtyfour.app.support.Sp500Rows;
import dev.camelsixtyfour.app.support.TestFiles;

/**
 * Each sink end to end: S&P 500 rows POSTed to a pipeline's ingest endpoint, enriched by the emulator, written to
 * the outbox and delivered to a real SFTP server, Artemis broker (CORE and AMQP acceptors) or HTTP receiver, with
 * the batch's ids; and a receiver that fails.
 */
@QuarkusTest
@TestProfile(SinksProfile.class)
@QuarkusTestResource(value = SftpServerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ArtemisResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = CallbackServerResource.class, restrictToAnnotatedClass = true)
class ResultSinksEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/ingest/")
    URI ingest;

    @Test
    void sftpSinkUploadsTheResultsUnderATemporaryNameThenRenamesThemToTheBatchId() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(0, 10);

        Map<String, Object> batch = ingestAndAwaitOutbox(SinksProfile.SFTP, rows);

        Path folder = SftpServerResource.served().resolve(SinksProfile.SFTP_FOLDER);
        Path file = folder.resolve(batch.get("batch_id") + ".ndjson");
        await().atMost(WAIT).until(() -> Files.exists(file));
        assertThat(symbols(TestFiles.ndjsonLines(file))).containsExactlyInAnyOrderElementsOf(Sp500Rows.symbols(rows));
        String name = file.getFileName().toString();
        assertThat(SftpServerResource.renames()).contains("." + name + ".part -> " + name);
        try (var listing = Files.list(folder)) {
            assertThat(listing.map(path -> path.getFileName().toString())).containsExactly(
                    file.getFileName().toString());
        }
    }

    @ParameterizedTest
    @CsvSource({SinksProfile.JMS + "," + SinksProfile.CORE_QUEUE + "," + ArtemisResource.CORE + ",10,20",
        SinksProfile.AMQP + "," + SinksProfile.AMQP_QUEUE + "," + ArtemisResource.AMQP + ",20,30"})
    void queueSinkSendsTheResultsOverItsProtocolWithTheBatchIds(String pipeline, String queue, String protocol,
                                                                int from, int to) throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(from, to);

        Map<String, Object> batch = ingestAndAwaitOutbox(pipeline, rows);

        await().atMost(WAIT).until(() -> ArtemisResource.queuedMessages(queue).size() == 1);
        Message sent = ArtemisResource.queuedMessages(queue).get(0);
        assertThat(sent.getProtocolName()).isEqualTo(protocol);
        assertThat(sent.getStringProperty("SixtyfourBatchId")).isEqualTo(batch.get("batch_id"));
        assertThat(sent.getStringProperty("SixtyfourJobId")).isEqualTo(batch.get("job_id"));
        assertThat(symbols(TestFiles.ndjsonLines(receiveText(queue)))).containsExactlyInAnyOrderElementsOf(Sp500Rows.symbols(rows));
    }

    @Test
    void httpSinkPostsTheResultsAsJsonWithTheBatchIdsAndToken() throws Exception {
        CallbackServerResource.answer(200);
        List<Map<String, String>> rows = Sp500Rows.slice(30, 40);

        Map<String, Object> batch = ingestAndAwaitOutbox(SinksProfile.HTTP, rows);

        List<Callback> posts = awaitCallbacks(batch, 1);
        Callback post = posts.get(0);
        assertThat(post.header("Idempotency-Key")).isEqualTo(batch.get("batch_id"));
        assertThat(post.header("Sixtyfour-Job-Id")).isEqualTo(batch.get("job_id"));
        assertThat(post.header("Sixtyfour-Workflow-Id")).isEqualTo(batch.get("workflow_id"));
        assertThat(post.header("Authorization")).isEqualTo("Bearer " + SinksProfile.CALLBACK_TOKEN);
        List<Map<String, Object>> posted = JSON.readValue(post.body(), new TypeReference<>() { });
        assertThat(symbols(posted)).containsExactlyInAnyOrderElementsOf(Sp500Rows.symbols(rows));
    }

    @Test
    void httpSinkRetriesAFailedPostAndDeliversTheResultsOnce() throws Exception {
        CallbackServerResource.answer(200, 500);

        Map<String, Object> batch = ingestAndAwaitOutbox(SinksProfile.HTTP, Sp500Rows.slice(40, 50));

        awaitCallbacks(batch, 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> callbacks(batch).size() == 2);
        assertThat(callbacks(batch)).extracting(Callback::status).containsExactly(500, 200);
        assertThat(undelivered(batch)).doesNotExist();
    }

    @Test
    void httpSinkParksResultsAfterTheLastRetryAndTheirReplayDeliversThem() throws Exception {
        CallbackServerResource.answer(500);

        Map<String, Object> batch = ingestAndAwaitOutbox(SinksProfile.HTTP, Sp500Rows.slice(50, 60));

        Path reason = undelivered(batch).resolveSibling(batch.get("batch_id") + ".reason.json");
        await().atMost(WAIT).until(() -> Files.exists(reason));
        assertThat(callbacks(batch)).extracting(Callback::status).containsOnly(500)
                .hasSize(SinksProfile.ATTEMPTS);
        JsonNode why = JSON.readTree(reason.toFile());
        assertThat(why.path("reason").asText()).contains("answered 500");
        assertThat(why.path("job_id").asText()).isEqualTo(batch.get("job_id"));

        CallbackServerResource.answer(200);
        Path replay = Files.createDirectories(undelivered(batch).resolveSibling("replay"));
        Files.move(undelivered(batch), replay.resolve(undelivered(batch).getFileName()));

        await().atMost(WAIT).until(() -> callbacks(batch).stream().anyMatch(post -> post.status() == 200));
        Callback delivered = callbacks(batch).get(SinksProfile.ATTEMPTS);
        assertThat(delivered.header("Sixtyfour-Job-Id")).isEqualTo(batch.get("job_id"));
        assertThat(JSON.readTree(delivered.body())).hasSize(10);
    }

    private Map<String, Object> ingestAndAwaitOutbox(String pipeline, List<Map<String, String>> rows)
            throws Exception {
        return Ingest.csvToOutbox(ingest, pipeline, rows);
    }

    private static List<Callback> awaitCallbacks(Map<String, Object> batch, int count) {
        await().atMost(WAIT).until(() -> callbacks(batch).size() >= count);
        return callbacks(batch);
    }

    private static List<Callback> callbacks(Map<String, Object> batch) {
        return CallbackServerResource.received("/" + SinksProfile.HTTP).stream()
                .filter(post -> batch.get("batch_id").equals(post.header("Sixtyfour-Batch-Id")))
                .toList();
    }

    private static Path undelivered(Map<String, Object> batch) {
        return EmulatorResource.root().resolve("out").resolve(SinksProfile.HTTP).resolve("undelivered")
                .resolve(batch.get("batch_id") + ".ndjson");
    }

    private static String receiveText(String queue) throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(ArtemisResource.coreUrl()).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            return ((TextMessage) consumer.receive(10_000)).getText();
        }
    }

    private static List<String> symbols(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> String.valueOf(row.get("symbol"))).toList();
    }
}
