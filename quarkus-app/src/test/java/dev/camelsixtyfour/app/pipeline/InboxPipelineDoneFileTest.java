package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

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

/** {@code source.done-file-name: {name}.done}: each file waits for its own done file, whatever its timestamps say. */
@QuarkusTest
@TestProfile(InboxPipelineProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
class InboxPipelineDoneFileTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration LONG_AGAINST_A_POLL = Duration.ofSeconds(2);
    private static final String HEADER = "Symbol,Security,GICS Sector,Headquarters Location\n";

    @Inject
    BatchStore batches;

    @BeforeEach
    void resetEmulatorOnceIdle() {
        EmulatorResource.resetOnceIdle(batches, InboxPipelineProfile.DONE_FILES);
    }

    @Test
    void aFileIsReadOnlyOnceItsOwnDoneFileAppears() {
        Path inbox = InboxPipelineProfile.doneFilesInbox();
        Drops.drop(inbox, "awaited.csv", HEADER + "ZZJ,Juliet Corp,Energy,Juneau\n");

        await().during(LONG_AGAINST_A_POLL).atMost(WAIT).until(() -> !Drops.sent("symbol").contains("ZZJ"));
        Drops.drop(inbox, "awaited.csv.done", "");

        await().atMost(WAIT).until(() -> Drops.sent("symbol").contains("ZZJ"));
    }

    @Test
    void aFileWithoutItsDoneFileStaysWhileAnotherFilesDoneFileLetsThatOneBeRead() {
        Path inbox = InboxPipelineProfile.doneFilesInbox();
        Drops.drop(inbox, "ready.csv", HEADER + "ZZK,Kilo Corp,Energy,Kent\n");
        Drops.drop(inbox, "unready.csv", HEADER + "ZZL,Lima Corp,Energy,Lima\n");
        Drops.drop(inbox, "ready.csv.done", "");

        await().atMost(WAIT).until(() -> Drops.sent("symbol").contains("ZZK"));
        await().during(LONG_AGAINST_A_POLL).atMost(WAIT).until(() -> !Drops.sent("symbol").contains("ZZL"));
        assertThat(inbox.resolve("unready.csv")).exists();
    }
}
