package dev.camelsixtyfour.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.camelsixtyfour.emulator.EmulatedRun;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SixtyfourConcurrencyTest extends SixtyfourTestSupport {

    private static final int EXCHANGES = 1_000;

    @Override
    RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:companies?size=" + EXCHANGES)
                        .threads(16, 16)
                        .to(COMPANY_RUN + "&keepBody=true")
                        .to("mock:started");
            }
        };
    }

    @Test
    void everyExchangeGetsItsOwnRunWithItsOwnRows() throws InterruptedException {
        MockEndpoint started = context.getEndpoint("mock:started", MockEndpoint.class);
        started.expectedMessageCount(EXCHANGES);

        for (int i = 0; i < EXCHANGES; i++) {
            String symbol = "SYM" + i;
            template.sendBody("seda:companies", List.of(Map.of("symbol", symbol, "name", "Company " + symbol)));
        }

        started.setResultWaitTime(TimeUnit.SECONDS.toMillis(120));
        started.assertIsSatisfied();
        Map<String, EmulatedRun> runs = emulator().runs().stream()
                .collect(Collectors.toMap(EmulatedRun::jobId, Function.identity()));
        assertThat(runs).hasSize(EXCHANGES);
        assertThat(started.getExchanges())
                .extracting(exchange -> exchange.getMessage().getHeader(SixtyfourConstants.JOB_ID, String.class))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(runs.keySet());
        assertThat(started.getExchanges()).allSatisfy(exchange -> {
            String jobId = exchange.getMessage().getHeader(SixtyfourConstants.JOB_ID, String.class);
            assertThat(runs.get(jobId).rows()).isEqualTo(exchange.getMessage().getBody(List.class));
        });
    }
}
