package dev.camelsixtyfour.component.operation;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.model.ResultFormat;
import dev.camelsixtyfour.component.results.RowIterator;
import dev.camelsixtyfour.component.support.EmulatedCamel;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.RecordedRequest;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.apache.camel.builder.Builder.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SixtyfourResultsOperationTest {

    private static final int INLINE_LIMIT = 2;
    private static final String ALL_FORMATS = "saveJson=true&resultFormats=csv,json,ndjson";

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(
            builder -> builder.runStepDuration(Duration.ofMillis(50)).inlineRowLimit(INLINE_LIMIT));

    @RegisterExtension
    final EmulatedCamel camel = EmulatedCamel.perTest(EMULATOR);

    @Test
    void smallResultIsReadFromTheInlineRowsWithoutADownload() {
        String jobId = completedRun(EmulatedCamel.COMPANIES.subList(0, INLINE_LIMIT), "");

        Exchange exchange = camel.send(camel.uri("runs", "operation=results"), jobId, Map.of());

        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        assertThat(rows).extracting(row -> row.get("symbol")).containsExactly("AAPL", "MSFT");
        assertThat(rows).allSatisfy(row -> assertThat(row).containsKey("domain"));
        assertThat(exchange.getMessage().getHeader(SixtyfourConstants.RESULT_ROW_COUNT)).isEqualTo(2L);
        assertThat(EMULATOR.emulator().requests("/downloads")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void largerResultIsDownloadedWithoutTheApiKeyAndParsedInTheChosenFormat(ResultFormat format) {
        String jobId = completedRun(EmulatedCamel.COMPANIES, ALL_FORMATS);

        Exchange exchange = camel.send(camel.uri("runs", "operation=results&resultFormat=" + format.value()), jobId,
                Map.of());

        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        assertThat(rows).extracting(row -> row.get("symbol")).containsExactly("AAPL", "MSFT", "MMM");
        assertThat(rows).allSatisfy(row -> assertThat(row).containsKey("domain"));
        assertThat(exchange.getMessage().getHeader(SixtyfourConstants.RESULT_FORMAT)).isEqualTo(format);
        List<RecordedRequest> downloads = EMULATOR.emulator().requests("/downloads");
        assertThat(downloads).hasSize(1);
        assertThat(downloads.get(0).header("x-api-key")).isNull();
    }

    @Test
    void formatHeaderWinsOverTheOption() {
        String jobId = completedRun(EmulatedCamel.COMPANIES, ALL_FORMATS);

        Exchange exchange = camel.send(camel.uri("runs", "operation=results&resultFormat=csv"), jobId,
                Map.of(SixtyfourConstants.RESULT_FORMAT, "ndjson"));

        assertThat(exchange.getMessage().getHeader(SixtyfourConstants.RESULT_FORMAT)).isEqualTo(ResultFormat.ndjson);
        assertThat(EMULATOR.emulator().requests("/workflows/runs/" + jobId + "/results").get(0).query())
                .contains("format=ndjson");
    }

    @Test
    void streamedResultIsSplitRowByRow() throws Exception {
        String jobId = completedRun(EmulatedCamel.COMPANIES, "");
        List<Object> symbols = new CopyOnWriteArrayList<>();
        camel.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to(camel.uri("runs", "operation=results&streamResults=true"))
                        .split(body()).streaming()
                        .process(exchange -> symbols.add(exchange.getMessage().getBody(Map.class).get("symbol")));
            }
        });

        camel.template().sendBody("direct:stream", jobId);

        assertThat(symbols).containsExactly("AAPL", "MSFT", "MMM");
    }

    @Test
    void streamedResultTheRouteDidNotReadIsClosedWhenTheExchangeCompletes() {
        String jobId = completedRun(EmulatedCamel.COMPANIES, "");

        Exchange exchange = camel.send(camel.uri("runs", "operation=results&streamResults=true"), jobId, Map.of());

        RowIterator rows = exchange.getMessage().getBody(RowIterator.class);
        assertThat(rows.rowsRead()).isZero();
        assertThat(rows.hasNext()).as("closed with three rows unread").isFalse();
    }

    @Test
    void resultsDirectoryReceivesTheFileAndTheBodyNamesIt(@TempDir Path directory) throws Exception {
        String jobId = completedRun(EmulatedCamel.COMPANIES, "");

        Exchange exchange = camel.send(camel.uri("runs", "operation=results&resultsDirectory=" + directory), jobId,
                Map.of());

        File file = exchange.getMessage().getBody(File.class);
        assertThat(file.toPath()).isEqualTo(directory.resolve(jobId + ".csv"));
        List<String> lines = Files.readAllLines(file.toPath());
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("symbol").contains("domain");
        assertThat(directory.resolve(jobId + ".csv.part")).doesNotExist();
    }

    private String completedRun(List<Map<String, Object>> rows, String options) {
        String jobId = camel.startRun(EmulatorDefaults.COMPANY_WORKFLOW_ID, rows, options);
        await().until(() -> EMULATOR.emulator().run(jobId).map(run -> "completed".equals(run.status())).orElse(false));
        return jobId;
    }
}
