package dev.camelsixtyfour.component;

import java.util.List;
import java.util.Map;

import dev.camelsixtyfour.emulator.EmulatorDefaults;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SixtyfourIdempotencyTest extends SixtyfourTestSupport {

    private static final List<Map<String, Object>> ROWS = List.of(Map.of("symbol", "MMM", "name", "3M"));

    @Override
    RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // The component does not retry here, so the lost answer reaches Camel, which redelivers the exchange.
                from("direct:redelivered")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(10))
                        .to(COMPANY_RUN + "&maxRetries=0");

                from("direct:twoWorkflows")
                        .to(COMPANY_RUN)
                        .setBody(constant(List.of(Map.of("email", "tim.cook@apple.com"))))
                        .to("sixtyfour:workflow?id=" + EmulatorDefaults.LEAD_WORKFLOW_ID);
            }
        };
    }

    @Test
    void camelRedeliveryNeverStartsASecondRun() {
        emulator().faults().dropResponseNext(RUN_PATH, 1);

        Exchange result = send("direct:redelivered", ROWS);

        assertSecondRequestFoundTheFirstRun(result);
    }

    @Test
    void componentRetriesNeverStartASecondRun() {
        emulator().faults().dropResponseNext(RUN_PATH, 1);

        Exchange result = send(COMPANY_RUN + "&maxRetries=2", ROWS);

        assertSecondRequestFoundTheFirstRun(result);
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

    /** The first request started the run but its answer was lost; the repeat carried the same key. */
    private static void assertSecondRequestFoundTheFirstRun(Exchange result) {
        assertThat(result.getException()).isNull();
        assertThat(emulator().runs()).hasSize(1);
        assertThat(emulator().requests(RUN_PATH)).hasSize(2)
                .extracting(request -> request.header("Idempotency-Key"))
                .containsOnly(result.getExchangeId() + ":" + EmulatorDefaults.COMPANY_WORKFLOW_ID);
        assertThat(result.getMessage().getHeader(SixtyfourConstants.ALREADY_STARTED)).isEqualTo(true);
        assertThat(result.getMessage().getHeader(SixtyfourConstants.JOB_ID)).isEqualTo(emulator().runs().get(0).jobId());
    }
}
