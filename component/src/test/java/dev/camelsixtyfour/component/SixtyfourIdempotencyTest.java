package dev.camelsixtyfour.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelsixtyfour.emulator.EmulatorDefaults;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SixtyfourIdempotencyTest extends SixtyfourTestSupport {

    private static final List<Map<String, Object>> ROWS = List.of(Map.of("symbol", "MMM", "name", "3M"));

    @Override
    RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // The client gives up before the slowed-down service answers; Camel redelivers the same exchange.
                from("direct:redelivered")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(5).redeliveryDelay(300))
                        .to(COMPANY_RUN + "&maxRetries=0&requestTimeout=150");

                from("direct:twoWorkflows")
                        .to(COMPANY_RUN)
                        .setBody(constant(List.of(Map.of("email", "tim.cook@apple.com"))))
                        .to("sixtyfour:workflow?id=" + EmulatorDefaults.LEAD_WORKFLOW_ID);
            }
        };
    }

    /**
     * A request the client gave up on may still be sleeping in the emulator when a test ends; let it finish here
     * rather than start a run in the next test.
     */
    @AfterEach
    void letDelayedRequestsFinish() {
        AtomicInteger lastSeen = new AtomicInteger(-1);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(10))
                .until(() -> lastSeen.getAndSet(emulator().runs().size()) == emulator().runs().size());
    }

    @Test
    void camelRedeliveryNeverStartsASecondRun() {
        emulator().faults().latency(Duration.ofMillis(400));
        clearLatencyOnceTheFirstRunExists();

        Exchange result = send("direct:redelivered", ROWS);

        assertThat(result.getException()).isNull();
        assertThat(emulator().runs()).hasSize(1);
        assertThat(emulator().requests(RUN_PATH)).hasSizeGreaterThan(1)
                .extracting(request -> request.header("Idempotency-Key")).containsOnly(
                        result.getExchangeId() + ":" + EmulatorDefaults.COMPANY_WORKFLOW_ID);
        assertThat(result.getMessage().getHeader(SixtyfourConstants.ALREADY_STARTED)).isEqualTo(true);
        assertThat(result.getMessage().getHeader(SixtyfourConstants.JOB_ID)).isEqualTo(emulator().runs().get(0).jobId());
    }

    @Test
    void componentRetriesNeverStartASecondRun() {
        emulator().faults().latency(Duration.ofMillis(400));
        clearLatencyOnceTheFirstRunExists();

        Exchange result = send(COMPANY_RUN + "&maxRetries=5&retryInitialDelay=300&retryMaxDelay=300"
                               + "&requestTimeout=150", ROWS);

        assertThat(result.getException()).isNull();
        assertThat(emulator().runs()).hasSize(1);
        assertThat(emulator().requests(RUN_PATH)).hasSizeGreaterThan(1)
                .extracting(request -> request.header("Idempotency-Key")).containsOnly(
                        result.getExchangeId() + ":" + EmulatorDefaults.COMPANY_WORKFLOW_ID);
        assertThat(result.getMessage().getHeader(SixtyfourConstants.ALREADY_STARTED)).isEqualTo(true);
    }

    @Test
    void idempotencyKeyHeaderIsSentAndRepeatsReturnTheFirstRun() {
        Exchange first = sendWithKey("batch-2026-12-04");
        Exchange second = sendWithKey("batch-2026-12-04");

        assertThat(emulator().runs()).hasSize(1);
        assertThat(emulator().requests(RUN_PATH)).extracting(request -> request.header("Idempotency-Key"))
                .containsExactly("batch-2026-12-04", "batch-2026-12-04");
        assertThat(second.getMessage().getHeader(SixtyfourConstants.JOB_ID))
                .isEqualTo(first.getMessage().getHeader(SixtyfourConstants.JOB_ID));
        assertThat(first.getMessage().getHeader(SixtyfourConstants.ALREADY_STARTED)).isEqualTo(false);
        assertThat(second.getMessage().getHeader(SixtyfourConstants.ALREADY_STARTED)).isEqualTo(true);
    }

    @Test
    void distinctExchangesStartDistinctRuns() {
        send(COMPANY_RUN, ROWS);
        send(COMPANY_RUN, ROWS);

        assertThat(emulator().runs()).hasSize(2);
    }

    @Test
    void oneExchangeSentToTwoWorkflowsStartsARunOfEach() {
        Exchange result = send("direct:twoWorkflows", ROWS);

        assertThat(result.getException()).isNull();
        assertThat(emulator().runs()).extracting(run -> run.workflowId())
                .containsExactlyInAnyOrder(EmulatorDefaults.COMPANY_WORKFLOW_ID, EmulatorDefaults.LEAD_WORKFLOW_ID);
        assertThat(emulator().requests(RUN_PATH)).extracting(request -> request.header("Idempotency-Key"))
                .doesNotHaveDuplicates();
    }

    private Exchange sendWithKey(String key) {
        return template.send(COMPANY_RUN, exchange -> {
            exchange.getMessage().setBody(ROWS);
            exchange.getMessage().setHeader(SixtyfourConstants.IDEMPOTENCY_KEY, key);
        });
    }

    private static void clearLatencyOnceTheFirstRunExists() {
        Thread clearer = new Thread(() -> {
            await().atMost(Duration.ofSeconds(20)).until(() -> !emulator().runs().isEmpty());
            emulator().faults().clear();
        }, "clear-latency");
        clearer.setDaemon(true);
        clearer.start();
    }
}
