package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.support.Drops;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.SftpPipelineProfile;
import dev.camelsixtyfour.app.support.SftpServerResource;
import dev.camelsixtyfour.app.support.TestFiles;

/** A partner's SFTP drop, served by an embedded MINA SSHD server whose host key the app verifies. */
@QuarkusTest
@TestProfile(SftpPipelineProfile.class)
@QuarkusTestResource(value = SftpServerResource.class, restrictToAnnotatedClass = true)
class SftpPipelineEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    BatchStore batches;

    @BeforeEach
    void resetEmulatorOnceIdle() {
        EmulatorResource.resetOnceIdle(batches, SftpPipelineProfile.PIPELINE);
    }

    @Test
    void everyCompanyUploadedOverSftpReachesTheWorkflowOnceAndTheOutboxHoldsItEnriched() throws IOException {
        List<String> symbols = TestFiles.csvColumn("sp500-constituents.csv", "Symbol");

        Files.write(drop().resolve("sp500.csv"), TestFiles.resource("sp500-constituents.csv"));

        await().atMost(WAIT).until(() -> Drops.sent("symbol").size() >= symbols.size()
                && batches.pendingBatches(SftpPipelineProfile.PIPELINE) == 0);
        assertThat(Drops.sent("symbol")).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(outboxRows()).allSatisfy(row -> assertThat(row).containsKey("domain"))
                .extracting(row -> row.get("symbol")).containsAll(symbols);
        assertThat(TestFiles.files(drop().resolve(".done"), ".csv"))
                .anyMatch(moved -> moved.getFileName().toString().startsWith("sp500-"));
    }

    @Test
    void aSlowUploadIsReadOnlyOnceItIsComplete() throws Exception {
        byte[] content = Drops.sp500Head(200).getBytes(StandardCharsets.UTF_8);
        List<String> symbols = TestFiles.csvColumn("sp500-constituents.csv", "Symbol").subList(0, 200);
        int chunk = content.length / 8;

        try (OutputStream upload = Files.newOutputStream(drop().resolve("slow.csv"))) {
            for (int from = 0; from < content.length; from += chunk) {
                upload.write(Arrays.copyOfRange(content, from, Math.min(content.length, from + chunk)));
                upload.flush();
                Thread.sleep(300);
            }
        }

        await().atMost(WAIT).until(() -> Drops.sent("symbol").size() >= symbols.size());
        await().during(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> Drops.sent("symbol").size() == symbols.size());
        assertThat(Drops.sent("symbol")).containsExactlyInAnyOrderElementsOf(symbols);
    }

    @Test
    void aBinaryFileUploadedOverSftpMovesToTheServersErrorFolderWithItsReportBeside() throws IOException {
        byte[] zipHeader = {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x1F};

        Files.write(drop().resolve("archive.csv"), zipHeader);

        Path errors = drop().resolve(".error");
        // the report is written while the file is read; the file moves when the read commits
        await().atMost(WAIT).until(() -> !Drops.errorReports(errors, "archive.csv").isEmpty()
                && !TestFiles.files(errors, ".csv").isEmpty());
        assertThat(Files.readString(Drops.errorReports(errors, "archive.csv").get(0))).contains("file: archive.csv")
                .contains("binary");
        assertThat(TestFiles.files(errors, ".csv")).singleElement()
                .satisfies(moved -> assertThat(moved.getFileName().toString()).startsWith("archive-"))
                .satisfies(moved -> assertThat(Files.readAllBytes(moved)).isEqualTo(zipHeader));
        assertThat(drop().resolve("archive.csv")).doesNotExist();
        assertThat(EmulatorResource.emulator().runs()).isEmpty();
    }

    private static Path drop() {
        return SftpServerResource.served().resolve("drop");
    }

    private static List<Map<String, Object>> outboxRows() {
        return TestFiles.ndjsonRows(EmulatorResource.root().resolve("out").resolve(SftpPipelineProfile.PIPELINE)
                .resolve("results"), ".ndjson");
    }
}
