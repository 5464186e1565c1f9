package dev.camelsixtyfour.app.source.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.springrabbit.SpringRabbitMQComponent;
import org.apache.camel.component.springrabbit.SpringRabbitMQEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import com.rabbitmq.client.GetResponse;

import dev.camelsixtyfour.app.batch.BatchHeaders;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.RabbitMqProfile;
import dev.camelsixtyfour.app.support.RabbitMqResource;
import dev.camelsixtyfour.app.support.Sp500Rows;

/**
 * The rabbitmq source (camel-spring-rabbitmq, a quorum queue) against the machine's RabbitMQ broker and the emulator:
 * real rows of the S&P 500 list published as messages, as another system would publish them.
 */
@QuarkusTest
@TestProfile(RabbitMqProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RabbitMqResource.class, restrictToAnnotatedClass = true)
class RabbitMqSourceEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    CamelContext camel;

    @Test
    void theSourceRouteConsumesThroughThePipelinesOwnConnectionFactory() {
        Object bound = camel.getRegistry().lookupByName(RabbitMqProfile.RABBIT + "-connection-factory");

        assertThat(bound).isInstanceOf(CachingConnectionFactory.class);
        assertThat(camel.getRoute(RabbitMqProfile.RABBIT + "-source").getEndpoint())
                .isInstanceOfSatisfying(SpringRabbitMQEndpoint.class,
                        endpoint -> assertThat(endpoint.getConnectionFactory()).isSameAs(bound));
        assertThat(camel.getComponent("spring-rabbitmq", SpringRabbitMQComponent.class).getConnectionFactory())
                .as("a connection factory the component picked up from the registry").isNull();
    }

    @Test
    void rowsSentAsArrayObjectAndNdjsonMessagesReachTheWorkflowExactlyOnce() {
        List<Map<String, String>> array = Sp500Rows.slice(100, 120);
        List<Map<String, String>> ndjson = Sp500Rows.slice(120, 140);
        List<Map<String, String>> single = Sp500Rows.slice(140, 141);

        RabbitMqResource.send(Sp500Rows.jsonArray(array), "array-100");
        RabbitMqResource.send(Sp500Rows.ndjson(ndjson), "ndjson-120");
        RabbitMqResource.send(Sp500Rows.json(single.get(0)), null);

        List<String> symbols = Sp500Rows.symbols(Sp500Rows.slice(100, 141));
        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().containsAll(symbols));
        assertThat(Sp500Rows.sentSymbols()).filteredOn(symbols::contains).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(RabbitMqResource.messageCount(RabbitMqResource.queue())).isZero();
        assertThat(RabbitMqResource.messageCount(RabbitMqResource.deadLetterQueue())).isZero();
    }

    @Test
    void aMessageIsAcknowledgedOnceItsRowsAreStored() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(180, 190);

        RabbitMqResource.send(Sp500Rows.jsonArray(rows), "acknowledged-180");
        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().containsAll(Sp500Rows.symbols(rows)));

        // Stopping the consumer closes its channel: a message it had not acknowledged would be ready again.
        String source = RabbitMqProfile.RABBIT + "-source";
        camel.getRouteController().stopRoute(source);
        try {
            assertThat(RabbitMqResource.messageCount(RabbitMqResource.queue())).isZero();
        } finally {
            camel.getRouteController().startRoute(source);
        }
    }

    @Test
    void aPoisonMessageMovesToTheDeadLetterQueueWithItsErrorAfterTheLastDelivery() {
        String truncated = Sp500Rows.jsonArray(Sp500Rows.slice(230, 232));
        String poison = truncated.substring(0, truncated.length() - 1);

        RabbitMqResource.send(poison, "poison-230");

        GetResponse dead = RabbitMqResource.take(RabbitMqResource.deadLetterQueue(), WAIT);
        Map<String, Object> headers = dead.getProps().getHeaders();
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo(poison);
        assertThat(String.valueOf(headers.get(MessageIntake.ERROR))).contains("poison-230").contains("line");
        assertThat(String.valueOf(headers.get(MessageIntake.ORIGINAL_MESSAGE_ID))).isEqualTo("poison-230");
        assertThat(String.valueOf(headers.get(MessageIntake.ORIGINAL_DESTINATION)))
                .isEqualTo(RabbitMqResource.queue());
        assertThat(headers.get(MessageIntake.DELIVERIES)).isEqualTo(RabbitMqProfile.MAX_DELIVERIES);
        assertThat(headers.get(MessageIntake.ROWS_ALREADY_STORED)).isEqualTo(0L);
        assertThat(RabbitMqResource.messageCount(RabbitMqResource.queue())).isZero();
    }

    /** With and without a message id: without one, the digest of the body must key the redelivery the same way. */
    @ParameterizedTest
    @CsvSource(value = {"crash-300, 300", "NULL, 340"}, nullValues = "NULL")
    void aCrashBetweenReceiptAndBatchingLosesNothingAndStartsNoRunTwice(String messageId, int first)
            throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(first, first + 40);
        AtomicInteger chunksOffered = new AtomicInteger();
        AtomicInteger rowsOffered = new AtomicInteger();
        // Rows reach their batch in chunks of at most max-rows (25): the message's second chunk fails on its way,
        // once. The first chunk is stored, the message is not acknowledged, and its redelivery must hand on the
        // rows after the first chunk only.
        AdviceWith.adviceWith(camel, RabbitMqProfile.RABBIT + "-batch", route -> route.weaveAddFirst().process(
                exchange -> {
                    rowsOffered.addAndGet(exchange.getMessage().getHeader(BatchHeaders.ROW_COUNT, 1, Integer.class));
                    if (chunksOffered.incrementAndGet() == 2) {
                        throw new IllegalStateException("injected crash before the second chunk reached its batch");
                    }
                }));

        RabbitMqResource.send(Sp500Rows.jsonArray(rows), messageId);

        List<String> symbols = Sp500Rows.symbols(rows);
        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().containsAll(symbols));
        assertThat(rowsOffered).hasValueGreaterThan(rows.size());
        assertThat(Sp500Rows.sentSymbols()).filteredOn(symbols::contains).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(RabbitMqResource.messageCount(RabbitMqResource.deadLetterQueue())).isZero();
    }
}
