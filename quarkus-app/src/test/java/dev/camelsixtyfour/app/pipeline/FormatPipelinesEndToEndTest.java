package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.support.Drops;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.FormatPipelinesProfile;
import dev.camelsixtyfour.app.support.TestFiles;
import dev.camelsixtyfour.emulator.EmulatedRun;
import dev.camelsixtyfour.emulator.EmulatorDefaults;

/**
 * JSON array and NDJSON files through whole pipelines, inbox to outbox: real S&P 500 rows converted here, one of
 * them without its company name, which is rejected with its line while the others are enriched.
 */
@QuarkusTest
@TestProfile(FormatPipelinesProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
class FormatPipelinesEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 12;
    private static final int BAD_ROW = 4;

    @Inject
    BatchStore batches;

    @BeforeEach
    void resetEmulatorOnceIdle() {
        FormatPipelinesProfile.resetOnceIdle(batches);
    }

    /** Per format: the pipeline, its workflow, the file, how rows are joined and the line the first row is on. */
    static Stream<Arguments> formats() {
        return Stream.of(
                // "[" takes line 1, so the first element starts on line 2
                Arguments.of(FormatPipelinesProfile.JSON, EmulatorDefaults.COMPANY_WORKFLOW_ID, "companies.json",
                        Collectors.joining(",\n", "[\n", "\n]\n"), 2),
                Arguments.of(FormatPipelinesProfile.NDJSON, EmulatorDefaults.FIND_EMAIL_WORKFLOW_ID,
                        "companies.ndjson", Collectors.joining("\n", "", "\n"), 1));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("formats")
    void companiesAreEnrichedAndTheRowWithoutANameIsRejectedWithItsLine(String pipeline, String workflowId,
            String file, Collector<CharSequence, ?, String> rowsJoined, int firstLine) {
        List<Map<String, String>> companies = sp500WithOneNameless();
        String content = companies.stream().map(FormatPipelinesEndToEndTest::json).collect(rowsJoined);

        Drops.drop(FormatPipelinesProfile.inbox(pipeline), file, content);

        assertEndToEnd(pipeline, workflowId, file, firstLine + BAD_ROW, companies);
    }

    @Test
    void aJsonArrayOnOneLineInterruptedMidWayResumesAfterTheRowsItHandedOn() {
        List<Map<String, String>> companies = sp500WithOneNameless().subList(BAD_ROW + 1, ROWS);
        byte[] content = companies.stream().map(FormatPipelinesEndToEndTest::json)
                .collect(Collectors.joining(",", "[", "]")).getBytes(StandardCharsets.UTF_8);
        FileTime exported = FileTime.from(Instant.parse("2026-11-30T10:00:00Z"));
        int handedBeforeCrash = 3;
        // What a crash leaves behind: the first three rows, all on line 1, already joined batches.
        batches.recordHanded(FormatPipelinesProfile.JSON,
                "one-line.json|" + content.length + "|" + exported.toMillis(), handedBeforeCrash);

        Drops.drop(FormatPipelinesProfile.inbox(FormatPipelinesProfile.JSON), "one-line.json", content, exported);

        List<String> rest = companies.subList(handedBeforeCrash, companies.size()).stream()
                .map(company -> company.get("Symbol")).toList();
        await().atMost(WAIT).until(() -> sent(EmulatorDefaults.COMPANY_WORKFLOW_ID).size() >= rest.size());
        await().during(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> sent(EmulatorDefaults.COMPANY_WORKFLOW_ID).size() == rest.size());
        assertThat(sent(EmulatorDefaults.COMPANY_WORKFLOW_ID)).containsExactlyInAnyOrderElementsOf(rest);
    }

    private void assertEndToEnd(String pipeline, String workflowId, String file, int badLine,
            List<Map<String, String>> companies) {
        List<String> good = companies.stream().filter(company -> !company.get("Security").isEmpty())
                .map(company -> company.get("Symbol")).toList();
        Path results = FormatPipelinesProfile.out(pipeline).resolve("results");

        await().atMost(WAIT).until(() -> TestFiles.ndjsonRows(results, ".ndjson").size() >= good.size());
        assertThat(sent(workflowId)).containsExactlyInAnyOrderElementsOf(good);
        assertThat(TestFiles.ndjsonRows(results, ".ndjson")).extracting(row -> row.get("symbol"))
                .containsExactlyInAnyOrderElementsOf(good);
        List<Map<String, Object>> rejected = TestFiles.ndjsonLines(
                FormatPipelinesProfile.out(pipeline).resolve("rejected").resolve(file + ".rejected.ndjson"));
        assertThat(rejected).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("file", file).containsEntry("line", badLine);
            assertThat((String) row.get("reason")).contains("missing required column");
        });
    }

    /** The first rows of the S&P 500 list as JSON-ready maps, the company name of one row blanked. */
    private static List<Map<String, String>> sp500WithOneNameless() {
        String csv = new String(TestFiles.resource("sp500-constituents.csv"), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            List<Map<String, String>> companies = new ArrayList<>();
            parser.stream().limit(ROWS).forEach(record -> companies.add(new LinkedHashMap<>(record.toMap())));
            companies.get(BAD_ROW).put("Security", "");
            return companies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sent(String workflowId) {
        return EmulatorResource.emulator().runs().stream()
                .filter(run -> workflowId.equals(run.workflowId()))
                .map(EmulatedRun::rows)
                .flatMap(List::stream)
                .map(row -> String.valueOf(row.get("symbol")))
                .toList();
    }

    private static String json(Map<String, String> row) {
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
