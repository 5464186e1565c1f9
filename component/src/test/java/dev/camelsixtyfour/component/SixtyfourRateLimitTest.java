package dev.camelsixtyfour.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SixtyfourRateLimitTest extends SixtyfourTestSupport {

    private static final int LIMIT = 3;
    private static final int SENT = 40;
    private static final List<Map<String, Object>> ROWS = List.of(Map.of("symbol", "MMM", "name", "3M"));

    @Override
    void configure(SixtyfourComponent component) {
        component.setRateLimit(LIMIT);
        // A 429 would fail at once, so any request beyond the service's budget would show as a failed exchange.
        component.getConfiguration().setMaxRetryAfter(0);
    }

    @Test
    void requestsBeyondTheBudgetWaitWithoutBeingSentOrHoldingThreads() throws Exception {
        emulator().faults().rateLimit(LIMIT, 60);
        // two endpoints of the one component share its budget
        AsyncProducer plain = startedProducer(COMPANY_RUN);
        AsyncProducer savingJson = startedProducer(COMPANY_RUN + "&saveJson=true");

        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        List<Boolean> completedSynchronously = new ArrayList<>();
        for (int i = 0; i < SENT; i++) {
            CompletableFuture<Exchange> done = new CompletableFuture<>();
            AsyncProducer producer = i % 2 == 0 ? plain : savingJson;
            Exchange exchange = producer.getEndpoint().createExchange();
            exchange.getMessage().setBody(ROWS);
            completedSynchronously.add(producer.process(exchange, sync -> done.complete(exchange)));
            sent.add(done);
        }

        assertThat(completedSynchronously).as("process() returned before the call completed").containsOnly(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> doneCount(sent) == LIMIT);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> emulator().requests(RUN_PATH).size() == LIMIT && doneCount(sent) == LIMIT);
        assertThat(sent.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join))
                .allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(sixtyfourThreads()).as("threads of the component while %d requests wait", SENT - LIMIT)
                .isLessThan((SENT - LIMIT) / 3);
        ServiceHelper.stopService(plain, savingJson);
    }

    @Test
    void waitingRequestsFailWhenTheEndpointStops() throws Exception {
        emulator().faults().rateLimit(LIMIT, 60);
        AsyncProducer producer = startedProducer(COMPANY_RUN);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < LIMIT + 2; i++) {
            CompletableFuture<Exchange> done = new CompletableFuture<>();
            Exchange exchange = producer.getEndpoint().createExchange();
            exchange.getMessage().setBody(ROWS);
            producer.process(exchange, sync -> done.complete(exchange));
            sent.add(done);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> doneCount(sent) == LIMIT);

        ServiceHelper.stopService(producer, producer.getEndpoint());

        await().atMost(Duration.ofSeconds(10)).until(() -> doneCount(sent) == sent.size());
        assertThat(sent.stream().map(CompletableFuture::join).filter(exchange -> exchange.getException() != null))
                .hasSize(2)
                .allSatisfy(exchange -> assertThat(exchange.getException()).isInstanceOf(SixtyfourException.class)
                        .hasMessageContaining("abandoned"));
        assertThat(emulator().requests(RUN_PATH)).hasSize(LIMIT);
    }

    private AsyncProducer startedProducer(String uri) throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        AsyncProducer producer = (AsyncProducer) endpoint.createProducer();
        ServiceHelper.startService(producer);
        return producer;
    }

    private static long doneCount(List<CompletableFuture<Exchange>> sent) {
        return sent.stream().filter(CompletableFuture::isDone).count();
    }

    private static long sixtyfourThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().contains("Sixtyfour"))
                .count();
    }
}
