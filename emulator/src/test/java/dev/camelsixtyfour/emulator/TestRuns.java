package dev.camelsixtyfour.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Waits for runs to settle, through the emulator's own view of them. */
final class TestRuns {

    private TestRuns() {
    }

    static EmulatedRun awaitStatus(SixtyfourEmulator emulator, String jobId, String status) {
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> emulator.run(jobId).map(EmulatedRun::status).orElse("").equals(status));
        return emulator.run(jobId).orElseThrow();
    }

    static List<Map<String, Object>> awaitResults(SixtyfourEmulator emulator, String jobId) {
        return awaitStatus(emulator, jobId, "completed").resultRows();
    }
}
