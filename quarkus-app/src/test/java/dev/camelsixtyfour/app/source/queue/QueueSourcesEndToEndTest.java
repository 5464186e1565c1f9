package dev.camelsixtyfour.app.source.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchHeaders;
import dev.camelsixtyfour.app.support.ArtemisResource;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.SourcesProfile;
import dev.camelsixtyfour.app.support.Sp500Rows;

/**
 * The jms (Artemis CORE) and amqp (AMQP 1.0) sources against an embedded Artemis broker and the emulator: real rows
 * of the S&P 500 list sent as messages, as another system would send them.
 */
@QuarkusTest
@TestProfile(SourcesProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ArtemisResource.class, restrictToAnnotatedClass = true)
class QueueSourcesEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    CamelContext camel;

    @Test
    void eachQueueRouteConsumesThroughItsOwnConnectionFactoryAndProtocol() {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(ArtemisResource.consumerProtocols(SourcesProfile.CORE_QUEUE)).containsOnly(ArtemisResource.CORE);
            assertThat(ArtemisResource.consumerProtocols(SourcesProfile.AMQP_QUEUE)).containsOnly(ArtemisResource.AMQP);
        });
        assertThat(camel.getRegistry().lookupByName("core-connection-factory"))
                .isInstanceOf(ActiveMQConnectionFactory.class);
        assertThat(camel.getRegistry().lookupByName("amqp-connection-factory"))
                .isInstanceOf(JmsConnectionFactory.class);
    }

    @ParameterizedTest
    @CsvSource({"companies.core, 100", "companies.amqp, 160"})
    void rowsSentAsArrayObjectAndNdjsonMessagesReachTheWorkflowExactlyOnce(String queue, int first) {
        List<Map<String, String>> array = Sp500Rows.slice(first, first + 20);
        List<Map<String, String>> ndjson = Sp500Rows.slice(first + 20, first + 40);
        List<Map<String, String>> single = Sp500Rows.slice(first + 40, first + 41);

        send(queue, Sp500Rows.jsonArray(array), Sp500Rows.ndjson(ndjson), Sp500Rows.json(single.get(0)));

        List<String> symbols = Sp500Rows.symbols(Sp500Rows.slice(first, first + 41));
        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().containsAll(symbols));
        assertThat(Sp500Rows.sentSymbols()).filteredOn(symbols::contains).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(ArtemisResource.messageCount(queue)).isZero();
        assertThat(ArtemisResource.messageCount(queue + ".DLQ")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {SourcesProfile.CORE_QUEUE, SourcesProfile.AMQP_QUEUE})
    void aPoisonMessageMovesToTheDeadLetterQueueWithItsErrorAfterTheLastDelivery(String queue) throws JMSException {
        String truncated = Sp500Rows.jsonArray(Sp500Rows.slice(230, 232));
        String poison = truncated.substring(0, truncated.length() - 1);

        String messageId = send(queue, poison).get(0);

        try (JMSContext context = core().createContext()) {
            Message dead = context.createConsumer(context.createQueue(queue + ".DLQ")).receive(WAIT.toMillis());
            assertThat(dead).isNotNull();
            assertThat(dead.getBody(String.class)).isEqualTo(poison);
            assertThat(dead.getStringProperty(MessageIntake.ERROR)).contains(messageId).contains("line");
            assertThat(dead.getStringProperty(MessageIntake.ORIGINAL_MESSAGE_ID)).isEqualTo(messageId);
            assertThat(dead.getIntProperty(MessageIntake.DELIVERIES)).isEqualTo(SourcesProfile.MAX_DELIVERIES);
            assertThat(dead.getLongProperty(MessageIntake.ROWS_ALREADY_STORED)).isZero();
        }
        assertThat(ArtemisResource.messageCount(queue)).isZero();
    }

    @ParameterizedTest
    @CsvSource({"core, companies.core, 300", "amqp, companies.amqp, 340"})
    void aCrashBetweenReceiptAndBatchingLosesNothingAndStartsNoRunTwice(String pipeline, String queue, int first)
            throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(first, first + 40);
        AtomicInteger chunksOffered = new AtomicInteger();
        AtomicInteger rowsOffered = new AtomicInteger();
        // Rows reach their batch in chunks of at most max-rows (25): the message's second chunk fails on its way,
        // once. The first chunk is stored, the message is not acknowledged, and its redelivery must hand on the
        // rows after the first chunk only.
        AdviceWith.adviceWith(camel, pipeline + "-batch", route -> route.weaveAddFirst().process(
                exchange -> {
                    rowsOffered.addAndGet(exchange.getMessage().getHeader(BatchHeaders.ROW_COUNT, 1, Integer.class));
                    if (chunksOffered.incrementAndGet() == 2) {
                        throw new IllegalStateException("injected crash before the second chunk reached its batch");
                    }
                }));

        send(queue, Sp500Rows.jsonArray(rows));

        List<String> symbols = Sp500Rows.symbols(rows);
        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().containsAll(symbols));
        assertThat(rowsOffered).hasValueGreaterThan(rows.size());
        assertThat(Sp500Rows.sentSymbols()).filteredOn(symbols::contains).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(ArtemisResource.messageCount(queue + ".DLQ")).isZero();
    }

    /** Sends each payload as a text message and returns the message ids. */
    private static List<String> send(String queue, String... payloads) {
        ConnectionFactory factory = SourcesProfile.AMQP_QUEUE.equals(queue) ? amqp() : core();
        try (JMSContext context = factory.createContext()) {
            return Arrays.stream(payloads).map(payload -> {
                Message message = context.createTextMessage(payload);
                context.createProducer().send(context.createQueue(queue), message);
                return messageId(message);
            }).toList();
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConnectionFactory core() {
        return new ActiveMQConnectionFactory(ArtemisResource.coreUrl());
    }

    private static ConnectionFactory amqp() {
        return new JmsConnectionFactory(ArtemisResource.amqpUrl());
    }
}
