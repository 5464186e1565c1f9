package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.support.Drops;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.InboxPipelineProfile;
import dev.camelsixtyfour.app.support.TestFiles;

/** Files that cannot be read whole: each is answered with a report, and the good rows still go on. */
@QuarkusTest
@TestProfile(InboxPipelineProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
class InboxPipelineMalformedFilesTest {

    @Inject
    BatchStore batches;

    @BeforeEach
    void resetEmulatorOnceIdle() {
        EmulatorResource.resetOnceIdle(batches, InboxPipelineProfile.PIPELINE);
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    static Stream<Arguments> unreadableFiles() {
        String header = "Symbol,Security,GICS Sector,Headquarters Location\n";
        return Stream.of(
                Arguments.of("broken-quotes.csv", (header + "ZZA,Alpha,Energy,Austin\nZZB,\"Beta,Energy,Boston\n")
                        .getBytes(StandardCharsets.UTF_8), "never closed", List.of("ZZA")),
                Arguments.of("wrong-charset.csv", (header + "ZZC,Société Générale,Financials,Paris\n")
                        .getBytes(Charset.forName("windows-1252")), "charset", List.of()),
                Arguments.of("empty.csv", new byte[0], "empty", List.of()),
                Arguments.of("binary.csv", new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x1F}, "binary",
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableFiles")
    void anUnreadableFileMovesToTheErrorFolderWithAReportAndItsGoodRowsGoOn(String name, byte[] content,
            String reason, List<String> goodSymbols) throws IOException {
        Drops.drop(name, content);

        Path errors = Drops.inbox().resolve(".error");
        await().atMost(WAIT).until(() -> !Drops.errorReports(errors, name).isEmpty());
        assertThat(Files.readString(Drops.errorReports(errors, name).get(0))).contains("file: " + name)
                .contains(reason);
        // the report is written before the consumer moves the file, at the end of its exchange
        await().atMost(WAIT).untilAsserted(() -> assertThat(TestFiles.files(errors, ".csv"))
                .anyMatch(moved -> moved.getFileName().toString().startsWith(name.replace(".csv", "-"))));
        await().atMost(WAIT).until(() -> Drops.sent("symbol").containsAll(goodSymbols));
    }

    @Test
    void rowsMissingARequiredColumnAreRejectedWithFileLineAndReasonWhileTheOthersGoOn() {
        String csv = "Symbol,Security,GICS Sector,Headquarters Location\n"
                + "ZZD,Delta Corp,Energy,Denver\n"
                + "ZZE,,Energy,Eugene\n"
                + "ZZF,Foxtrot Inc,Energy,Fresno\n";

        Drops.drop("missing-name.csv", csv.getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> Drops.sent("symbol").containsAll(List.of("ZZD", "ZZF")));
        assertThat(Drops.sent("symbol")).doesNotContain("ZZE");
        List<Map<String, Object>> rejected = TestFiles.ndjsonLines(
                Drops.out().resolve("rejected").resolve("missing-name.csv.rejected.ndjson"));
        assertThat(rejected).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("file", "missing-name.csv").containsEntry("line", 3);
            assertThat((String) row.get("reason")).contains("missing required column name");
        });
    }

    @Test
    void aHeaderWithoutTheMappedSourceOfARequiredColumnFailsTheWholeFileNamingTheColumnAndTheHeader()
            throws IOException {
        String csv = "Symbol,GICS Sector\nZZG,Energy\nZZH,Utilities\n";

        Drops.drop("no-name-column.csv", csv.getBytes(StandardCharsets.UTF_8));

        Path errors = Drops.inbox().resolve(".error");
        await().atMost(WAIT).until(() -> !Drops.errorReports(errors, "no-name-column.csv").isEmpty());
        assertThat(Files.readString(Drops.errorReports(errors, "no-name-column.csv").get(0))).contains("line: 1")
                .contains("the header lacks the column Security")
                .contains("header found: Symbol, GICS Sector");
        assertThat(Drops.out().resolve("rejected").resolve("no-name-column.csv.rejected.ndjson")).doesNotExist();
        assertThat(Drops.sent("symbol")).doesNotContain("ZZG", "ZZH");
    }

    @Test
    void theReportOfAFileFailingMidWayNamesTheRowsAlreadyHandedOnAndAsksForOnlyTheRest() throws IOException {
        String csv = "Symbol,Security,GICS Sector,Headquarters Location\n"
                + "ZZM,Mike Corp,Energy,Miami\n"
                + "ZZN,,Energy,Nome\n"
                + "ZZO,\"Oscar,Energy,Omaha\n";

        Drops.drop("half-read.csv", csv.getBytes(StandardCharsets.UTF_8));

        Path errors = Drops.inbox().resolve(".error");
        await().atMost(WAIT).until(() -> !Drops.errorReports(errors, "half-read.csv").isEmpty());
        assertThat(Files.readString(Drops.errorReports(errors, "half-read.csv").get(0)))
                .contains("already handed on: the first 2 rows, through line 3")
                .contains("drop only the rows after line 3")
                .doesNotContain("drop it into the source folder again");
    }

    @Test
    void aSecondFailureOfASameNamedFileKeepsTheFirstReportEachBesideItsMovedFile() {
        String header = "Symbol,Security,GICS Sector,Headquarters Location\n";
        Path errors = Drops.inbox().resolve(".error");

        Drops.drop("failed-twice.csv", (header + "ZZP,\"Papa,Energy,Paris\n").getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> Drops.errorReports(errors, "failed-twice.csv").size() == 1
                && !Files.exists(Drops.inbox().resolve("failed-twice.csv")));
        Drops.drop("failed-twice.csv", (header + "ZZQ,\"Quebec,Energy,Quito\n").getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> Drops.errorReports(errors, "failed-twice.csv").size() == 2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(Drops.errorReports(errors, "failed-twice.csv"))
                .allSatisfy(report -> assertThat(errors.resolve(
                        report.getFileName().toString().replace(".report.txt", ""))).exists()));
    }
}
