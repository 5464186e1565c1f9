package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.support.Drops;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.InboxPipelineProfile;
import dev.camelsixtyfour.app.support.TestFiles;

/** Each file is read once: a second copy is skipped, and a file interrupted mid-way resumes where it stopped. */
@QuarkusTest
@TestProfile(InboxPipelineProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
class InboxPipelineFileOnceTest {

    @Inject
    BatchStore batches;

    @BeforeEach
    void resetEmulatorOnceIdle() {
        EmulatorResource.resetOnceIdle(batches, InboxPipelineProfile.PIPELINE);
    }

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Logger ALREADY_PROCESSED_LOG =
            Logger.getLogger("dev.camelsixtyfour.app.source.AlreadyProcessedFiles");

    @Test
    void theSameFileDroppedTwiceIsSentOnce() {
        byte[] content = Drops.sp500Head(40).getBytes(StandardCharsets.UTF_8);
        FileTime exported = FileTime.from(Instant.parse("2026-11-30T08:00:00Z"));
        List<String> symbols = TestFiles.csvColumn("sp500-constituents.csv", "Symbol").subList(0, 40);

        Drops.drop("twice.csv", content, exported);
        await().atMost(WAIT).until(() -> Drops.sent("symbol").size() >= symbols.size());
        Drops.drop("twice.csv", content, exported);

        await().during(Duration.ofSeconds(3)).atMost(WAIT)
                .until(() -> Drops.sent("symbol").size() == symbols.size());
        assertThat(Drops.sent("symbol")).containsExactlyInAnyOrderElementsOf(symbols);
    }

    @Test
    void aFileInterruptedMidWayResumesAfterTheLastRowItHandedOn() {
        byte[] content = Drops.sp500Head(120).getBytes(StandardCharsets.UTF_8);
        FileTime exported = FileTime.from(Instant.parse("2026-11-30T09:00:00Z"));
        List<String> symbols = TestFiles.csvColumn("sp500-constituents.csv", "Symbol");
        // What a crash leaves behind: the first 60 rows (lines 2..61) already joined batches before the app stopped.
        batches.recordHanded(InboxPipelineProfile.PIPELINE, "resume.csv|" + content.length + "|" + exported.toMillis(),
                60);

        Drops.drop("resume.csv", content, exported);

        await().atMost(WAIT).until(() -> Drops.sent("symbol").size() >= 60);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> Drops.sent("symbol").size() == 60);
        assertThat(Drops.sent("symbol")).containsExactlyInAnyOrderElementsOf(symbols.subList(60, 120));
        await().atMost(WAIT).until(() -> manifestFirstLines("resume.csv").contains(62));
    }

    @Test
    void aSecondCopyOfAProcessedFileIsLoggedOnceNamingTheFile() {
        byte[] content = Drops.sp500Head(3).getBytes(StandardCharsets.UTF_8);
        FileTime exported = FileTime.from(Instant.parse("2026-11-30T10:00:00Z"));
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage() + " " + Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        ALREADY_PROCESSED_LOG.addHandler(capture);
        try {
            Drops.drop("again.csv", content, exported);
            await().atMost(WAIT).until(() -> !Files.exists(Drops.inbox().resolve("again.csv")));
            Drops.drop("again.csv", content, exported);

            await().atMost(WAIT).until(() -> warnings.stream()
                    .anyMatch(line -> line.contains("again.csv") && line.contains("already processed")));
            await().during(Duration.ofSeconds(2)).atMost(WAIT)
                    .until(() -> warnings.stream().filter(line -> line.contains("again.csv")).count() == 1);
        } finally {
            ALREADY_PROCESSED_LOG.removeHandler(capture);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> manifestFirstLines(String file) {
        return TestFiles.ndjsonLines(Drops.out().resolve("manifest.ndjson")).stream()
                .flatMap(line -> ((List<Map<String, Object>>) line.get("sources")).stream())
                .filter(source -> file.equals(source.get("file")))
                .map(source -> source.get("first_line"))
                .toList();
    }
}
