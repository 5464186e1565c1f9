package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.support.Drops;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.InboxPipelineProfile;
import dev.camelsixtyfour.app.support.TestFiles;

/** A file its writer appends to while the app reads it does not pass as done: it fails with a report. */
@QuarkusTest
@TestProfile(InboxPipelineProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
class InboxPipelineChangedFileTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Rows the pipeline rejects (no name): reading them keeps the file open long enough to append to it. */
    private static final int NAMELESS_ROWS = 3_000;

    @Test
    void aFileAppendedToWhileItIsReadMovesToTheErrorFolderWithAReportSayingItChanged() throws IOException {
        StringBuilder csv = new StringBuilder("Symbol,Security,GICS Sector,Headquarters Location\n");
        for (int row = 0; row < NAMELESS_ROWS; row++) {
            csv.append("ZQ").append(row).append(",,Energy,Quito\n");
        }
        Path file = Drops.drop("growing.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        Path rejected = Drops.out().resolve("rejected").resolve("growing.csv.rejected.ndjson");

        await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> Files.exists(rejected));
        Files.writeString(file, "ZZX,Xray Corp,Energy,Xenia\n", StandardOpenOption.APPEND);

        Path errors = Drops.inbox().resolve(".error");
        await().atMost(WAIT).until(() -> !Drops.errorReports(errors, "growing.csv").isEmpty());
        assertThat(Files.readString(Drops.errorReports(errors, "growing.csv").get(0)))
                .contains("growing.csv changed while it was read")
                .contains("already handed on: the first ");
        assertThat(TestFiles.files(Drops.inbox().resolve(".done"), ".csv"))
                .noneMatch(moved -> moved.getFileName().toString().startsWith("growing-"));
    }
}
