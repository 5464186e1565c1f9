package dev.camelsixtyfour.app.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchHeaders;
import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.KafkaResource;
import dev.camelsixtyfour.app.support.KafkaSourceProfile;
import dev.camelsixtyfour.app.support.Sp500Rows;

/**
 * The kafka source against the tests' Kafka broker (started by .ci/run) and the emulator: real rows of the S&P 500
 * list sent as records, as another system would produce them, onto a topic of its own.
 */
@QuarkusTest
@TestProfile(KafkaSourceProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
class KafkaSourceEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String SOURCE_ROUTE = KafkaSourceProfile.PIPELINE + "-source";

    @Inject
    CamelContext camel;

    @Inject
    BatchStore store;

    @Test
    void rowsSentAsArrayObjectAndNdjsonRecordsReachTheWorkflowExactlyOnce() {
        List<Map<String, String>> array = Sp500Rows.slice(100, 120);
        List<Map<String, String>> ndjson = Sp500Rows.slice(120, 140);
        List<Map<String, String>> single = Sp500Rows.slice(140, 141);

        KafkaResource.send(Sp500Rows.jsonArray(array), Sp500Rows.ndjson(ndjson), Sp500Rows.json(single.get(0)));

        List<String> symbols = Sp500Rows.symbols(Sp500Rows.slice(100, 141));
        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().containsAll(symbols));
        assertThat(Sp500Rows.sentSymbols()).filteredOn(symbols::contains).containsExactlyInAnyOrderElementsOf(symbols);
    }

    @Test
    void aRecordsOffsetIsCommittedOnceItsRowsAreStored() {
        List<Map<String, String>> rows = Sp500Rows.slice(180, 190);

        long offset = KafkaResource.send(Sp500Rows.jsonArray(rows)).get(0);

        await().atMost(WAIT).until(() -> KafkaResource.committedOffset() > offset);
        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().containsAll(Sp500Rows.symbols(rows)));
    }

    @Test
    void aPoisonRecordMovesToTheDeadLetterTopicWithItsErrorAfterTheLastAttempt() {
        String truncated = Sp500Rows.jsonArray(Sp500Rows.slice(230, 232));
        String poison = truncated.substring(0, truncated.length() - 1);

        long offset = KafkaResource.send(poison).get(0);

        ConsumerRecord<String, String> dead = KafkaResource.deadLetter(offset, RecordIntake.ORIGINAL_OFFSET, WAIT)
                .orElseThrow(() -> new AssertionError("no dead letter for offset " + offset));
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(KafkaResource.header(dead, RecordIntake.ERROR))
                .contains(KafkaResource.topic() + "/0@" + offset).contains("line");
        assertThat(KafkaResource.header(dead, RecordIntake.ORIGINAL_TOPIC)).isEqualTo(KafkaResource.topic());
        assertThat(KafkaResource.header(dead, RecordIntake.ORIGINAL_PARTITION)).isEqualTo("0");
        assertThat(KafkaResource.header(dead, RecordIntake.ATTEMPTS))
                .isEqualTo(String.valueOf(KafkaSourceProfile.MAX_DELIVERIES));
        assertThat(KafkaResource.header(dead, RecordIntake.ROWS_ALREADY_STORED)).isEqualTo("0");
    }

    @Test
    void aPoisonRecordDoesNotHoldBackTheRecordsAfterIt() {
        String truncated = Sp500Rows.jsonArray(Sp500Rows.slice(250, 252));
        List<Map<String, String>> rows = Sp500Rows.slice(260, 270);

        long after = KafkaResource.send(truncated.substring(0, truncated.length() - 1), Sp500Rows.jsonArray(rows))
                .get(1);

        await().atMost(WAIT).until(() -> KafkaResource.committedOffset() > after
                && Sp500Rows.sentSymbols().containsAll(Sp500Rows.symbols(rows)));
        assertThat(Sp500Rows.sentSymbols()).filteredOn(Sp500Rows.symbols(rows)::contains)
                .containsExactlyInAnyOrderElementsOf(Sp500Rows.symbols(rows));
    }

    @Test
    void aRecordReadAgainAfterARestartBeforeItsCommitStartsNoRunTwice() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(400, 430);
        List<String> symbols = Sp500Rows.symbols(rows);
        long offset = KafkaResource.send(Sp500Rows.jsonArray(rows)).get(0);
        await().atMost(WAIT).until(() -> KafkaResource.committedOffset() > offset
                && Sp500Rows.sentSymbols().containsAll(symbols));

        // The app stopped after the record's rows were stored and before its offset was committed: it reads the
        // record again when it starts.
        camel.getRouteController().stopRoute(SOURCE_ROUTE);
        KafkaResource.rewindTo(offset);
        camel.getRouteController().startRoute(SOURCE_ROUTE);

        await().atMost(WAIT).until(() -> KafkaResource.committedOffset() == KafkaResource.endOffset());
        await().atMost(WAIT).until(() -> store.pendingBatches(KafkaSourceProfile.PIPELINE) == 0);
        assertThat(Sp500Rows.sentSymbols()).filteredOn(symbols::contains).containsExactlyInAnyOrderElementsOf(symbols);
    }

    @Test
    void theClientPropertiesReachTheKafkaConsumer() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(KafkaResource.memberClientIds())
                .singleElement().asString().startsWith(KafkaSourceProfile.CLIENT_ID));
    }

    @Test
    void aSecretClientPropertyReachesTheKafkaClientButNoEndpointUri() {
        KafkaEndpoint source = (KafkaEndpoint) camel.getRoute(SOURCE_ROUTE).getEndpoint();

        assertThat(source.getConfiguration().getAdditionalProperties().get("sasl.jaas.config")).asString()
                .contains(KafkaSourceProfile.JAAS_SECRET);
        assertThat(camel.getEndpoints()).extracting(Endpoint::getEndpointUri)
                .noneMatch(uri -> uri.contains(KafkaSourceProfile.JAAS_SECRET));
    }

    @Test
    void aCrashBetweenReceiptAndBatchingLosesNothingAndStartsNoRunTwice() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(300, 340);
        long deadLettersBefore = KafkaResource.deadLetterCount();
        AtomicInteger chunksOffered = new AtomicInteger();
        AtomicInteger rowsOffered = new AtomicInteger();
        // Rows reach their batch in chunks of at most max-rows (25): the record's second chunk fails on its way,
        // once. The first chunk is stored, the offset is not committed, and the record's next attempt must hand on
        // the rows after the first chunk only.
        AdviceWith.adviceWith(camel, KafkaSourceProfile.PIPELINE + "-batch", route -> route.weaveAddFirst().process(
                exchange -> {
                    rowsOffered.addAndGet(exchange.getMessage().getHeader(BatchHeaders.ROW_COUNT, 1, Integer.class));
                    if (chunksOffered.incrementAndGet() == 2) {
                        throw new IllegalStateException("injected crash before the second chunk reached its batch");
                    }
                }));

        long offset = KafkaResource.send(Sp500Rows.jsonArray(rows)).get(0);

        List<String> symbols = Sp500Rows.symbols(rows);
        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().containsAll(symbols)
                && KafkaResource.committedOffset() > offset);
        assertThat(rowsOffered).hasValueGreaterThan(rows.size());
        assertThat(Sp500Rows.sentSymbols()).filteredOn(symbols::contains).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(KafkaResource.deadLetterCount()).isEqualTo(deadLettersBefore);
    }
}
