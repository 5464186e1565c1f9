package dev.camelsixtyfour.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.support.BrokerSinksProfile;
import dev.camelsixtyfour.app.support.BrokerSinksResource;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.Ingest;
import dev.camelsixtyfour.app.support.KafkaResource;
import dev.camelsixtyfour.app.support.RabbitMqResource;
import dev.camelsixtyfour.app.support.Sp500Rows;
import dev.camelsixtyfour.app.support.TestFiles;

/**
 * The broker sinks end to end: S&P 500 rows POSTed to a pipeline's ingest endpoint, enriched by the emulator,
 * written to the outbox and published to the machine's RabbitMQ (a queue, an exchange) or produced to the tests'
 * Kafka broker, read back there with the batch's ids; and brokers that refuse (a missing exchange, no queue, no
 * Kafka listening), whose results are parked and, once the broker takes them, replayed.
 */
@QuarkusTest
@TestProfile(BrokerSinksProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = BrokerSinksResource.class, restrictToAnnotatedClass = true)
class BrokerSinksEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/ingest/")
    URI ingest;

    @Inject
    CamelContext camel;

    @Test
    void rabbitMqSinkPublishesPersistentNdjsonToAQueueWithTheBatchIdAsMessageId() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(0, 10);

        Map<String, Object> batch = Ingest.csvToOutbox(ingest, BrokerSinksProfile.RABBIT_QUEUE, rows);

        GetResponse message = RabbitMqResource.take(BrokerSinksResource.queue(), WAIT);
        assertThat(message.getProps().getMessageId()).isEqualTo(batch.get("batch_id"));
        assertThat(message.getProps().getDeliveryMode()).isEqualTo(2);
        assertThat(message.getProps().getContentType()).isEqualTo("application/x-ndjson");
        assertThat(header(message, "SixtyfourBatchId")).isEqualTo(batch.get("batch_id"));
        assertThat(header(message, "SixtyfourJobId")).isEqualTo(batch.get("job_id"));
        assertThat(header(message, "SixtyfourWorkflowId")).isEqualTo(batch.get("workflow_id"));
        assertThat(symbols(TestFiles.ndjsonLines(text(message)))).containsExactlyInAnyOrderElementsOf(
                Sp500Rows.symbols(rows));
    }

    @Test
    void rabbitMqSinkPublishesAJsonArrayToAnExchangeWithItsRoutingKey() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(10, 20);

        Map<String, Object> batch = Ingest.csvToOutbox(ingest, BrokerSinksProfile.RABBIT_EXCHANGE, rows);

        GetResponse message = RabbitMqResource.take(BrokerSinksResource.exchangeQueue(), WAIT);
        assertThat(message.getEnvelope().getExchange()).isEqualTo(BrokerSinksResource.exchange());
        assertThat(message.getEnvelope().getRoutingKey()).isEqualTo(BrokerSinksResource.ROUTING_KEY);
        assertThat(message.getProps().getMessageId()).isEqualTo(batch.get("batch_id"));
        assertThat(header(message, "SixtyfourJobId")).isEqualTo(batch.get("job_id"));
        List<Map<String, Object>> published = JSON.readValue(text(message), new TypeReference<>() { });
        assertThat(symbols(published)).containsExactlyInAnyOrderElementsOf(Sp500Rows.symbols(rows));
    }

    @Test
    void rabbitMqSinkParksResultsForAMissingExchangeAndTheirReplayDeliversThem() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(20, 30);

        Map<String, Object> batch = Ingest.csvToOutbox(ingest, BrokerSinksProfile.RABBIT_MISSING, rows);

        JsonNode why = awaitParked(BrokerSinksProfile.RABBIT_MISSING, batch);
        assertThat(why.path("reason").asText()).contains("NOT_FOUND", BrokerSinksResource.missingExchange());
        assertThat(why.path("job_id").asText()).isEqualTo(batch.get("job_id"));

        BrokerSinksResource.declareMissingExchange();
        replay(BrokerSinksProfile.RABBIT_MISSING, batch);

        GetResponse message = RabbitMqResource.take(BrokerSinksResource.missingExchangeQueue(), WAIT);
        assertThat(message.getProps().getMessageId()).isEqualTo(batch.get("batch_id"));
        assertThat(header(message, "SixtyfourJobId")).isEqualTo(batch.get("job_id"));
        assertThat(symbols(TestFiles.ndjsonLines(text(message)))).containsExactlyInAnyOrderElementsOf(
                Sp500Rows.symbols(rows));
    }

    @Test
    void rabbitMqSinkParksResultsThatReachNoQueue() throws Exception {
        Map<String, Object> batch = Ingest.csvToOutbox(ingest, BrokerSinksProfile.RABBIT_ABSENT,
                Sp500Rows.slice(30, 40));

        JsonNode why = awaitParked(BrokerSinksProfile.RABBIT_ABSENT, batch);
        assertThat(why.path("reason").asText()).contains("routed batch " + batch.get("batch_id") + " to no queue");
    }

    @Test
    void kafkaSinkProducesOneRecordKeyedByTheBatchIdWithTheIdsAsHeaders() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(40, 50);

        Map<String, Object> batch = Ingest.csvToOutbox(ingest, BrokerSinksProfile.KAFKA, rows);

        ConsumerRecord<String, String> record = awaitRecord(batch);
        assertThat(KafkaResource.header(record, "SixtyfourBatchId")).isEqualTo(batch.get("batch_id"));
        assertThat(KafkaResource.header(record, "SixtyfourJobId")).isEqualTo(batch.get("job_id"));
        assertThat(KafkaResource.header(record, "SixtyfourWorkflowId")).isEqualTo(batch.get("workflow_id"));
        assertThat(symbols(TestFiles.ndjsonLines(record.value()))).containsExactlyInAnyOrderElementsOf(
                Sp500Rows.symbols(rows));
    }

    @Test
    void kafkaSinkProducerIsIdempotentAwaitsAllReplicasAndKeepsClientPropertiesOutOfItsUri() {
        KafkaEndpoint endpoint = camel.getEndpoints().stream()
                .filter(KafkaEndpoint.class::isInstance).map(KafkaEndpoint.class::cast)
                .filter(kafka -> KafkaResource.bootstrap().equals(kafka.getConfiguration().getBrokers()))
                .findFirst().orElseThrow();

        assertThat(endpoint.getConfiguration().getRequestRequiredAcks()).isEqualTo("all");
        assertThat(endpoint.getConfiguration().isEnableIdempotence()).isTrue();
        assertThat(endpoint.getConfiguration().getAdditionalProperties())
                .containsEntry("client.id", "sixtyfour-test-" + BrokerSinksProfile.KAFKA);
        assertThat(endpoint.getEndpointUri()).doesNotContain(BrokerSinksProfile.KAFKA_SECRET, "jaas");
    }

    @Test
    void kafkaSinkParksResultsWhileNoBrokerAnswersAndTheirReplayDeliversThem() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(50, 60);

        Map<String, Object> batch = Ingest.csvToOutbox(ingest, BrokerSinksProfile.KAFKA_CLOSED, rows);

        JsonNode why = awaitParked(BrokerSinksProfile.KAFKA_CLOSED, batch);
        assertThat(why.path("reason").asText()).contains(KafkaResource.topic());
        assertThat(why.path("job_id").asText()).isEqualTo(batch.get("job_id"));

        BrokerSinksResource.openKafkaPort();
        replay(BrokerSinksProfile.KAFKA_CLOSED, batch);

        ConsumerRecord<String, String> record = awaitRecord(batch);
        assertThat(KafkaResource.header(record, "SixtyfourJobId")).isEqualTo(batch.get("job_id"));
        assertThat(symbols(TestFiles.ndjsonLines(record.value()))).containsExactlyInAnyOrderElementsOf(
                Sp500Rows.symbols(rows));
    }

    /** The reason file of the batch's parked results, once the retries are spent. */
    private static JsonNode awaitParked(String pipeline, Map<String, Object> batch) throws Exception {
        Path reason = undelivered(pipeline, batch).resolveSibling(batch.get("batch_id") + ".reason.json");
        await().atMost(WAIT).until(() -> Files.exists(reason));
        assertThat(undelivered(pipeline, batch)).exists();
        return JSON.readTree(reason.toFile());
    }

    /** Moves the parked results into undelivered/replay/, as an operator does. */
    private static void replay(String pipeline, Map<String, Object> batch) throws Exception {
        Path parked = undelivered(pipeline, batch);
        Path replay = Files.createDirectories(parked.resolveSibling("replay"));
        Files.move(parked, replay.resolve(parked.getFileName()));
    }

    private static Path undelivered(String pipeline, Map<String, Object> batch) {
        return EmulatorResource.root().resolve("out").resolve(pipeline).resolve("undelivered")
                .resolve(batch.get("batch_id") + ".ndjson");
    }

    private static ConsumerRecord<String, String> awaitRecord(Map<String, Object> batch) {
        return KafkaResource.record(KafkaResource.topic(), record -> batch.get("batch_id").equals(record.key()), WAIT)
                .orElseThrow(() -> new AssertionError("No record keyed " + batch.get("batch_id") + " on "
                        + KafkaResource.topic()));
    }

    private static String header(GetResponse message, String name) {
        Object value = message.getProps().getHeaders().get(name);
        return value == null ? null : value.toString();
    }

    private static String text(GetResponse message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    private static List<String> symbols(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> String.valueOf(row.get("symbol"))).toList();
    }
}
