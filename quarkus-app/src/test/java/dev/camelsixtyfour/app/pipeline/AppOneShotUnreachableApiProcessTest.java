package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.camelsixtyfour.app.support.AppProcess;
import dev.camelsixtyfour.app.support.TestFiles;
import dev.camelsixtyfour.emulator.EmulatorDefaults;

/**
 * The packaged app in one-shot mode against an API nobody listens on: each attempt on the file says why it failed,
 * the run gives up after the configured attempts with the reason in its summary, exits non-zero and leaves the file
 * (and no lock) in the inbox. Runs from the failsafe plugin, after the app is packaged.
 */
class AppOneShotUnreachableApiProcessTest {

    private static final String KEY = "sk_test_VISIBLE_123";

    private Path root;
    private Process app;

    @BeforeEach
    void createInbox() throws IOException {
        root = Files.createTempDirectory("sixtyfour-one-shot");
        Files.createDirectories(root.resolve("inbox"));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsWithTheCauseAndExitsNonZero() throws Exception {
        Files.write(root.resolve("inbox/sp500.csv"), TestFiles.resource("sp500-constituents.csv"));
        int closedPort = freePort();

        app = launch(closedPort);

        assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("one-shot run ended").isTrue();
        String log = Files.readString(root.resolve("app.log"));
        assertThat(app.exitValue()).isNotZero();
        assertThat(log.lines().filter(line -> line.contains("sp500.csv stays in the inbox"))).hasSize(3)
                .allMatch(line -> line.contains("API at http://127.0.0.1:" + closedPort
                        + " unreachable: connection refused"));
        assertThat(log).contains("sp500.csv stays in the inbox and is retried in")
                .contains("gave up on sp500.csv (left in the inbox) after 3 attempts")
                .doesNotContain(KEY);
        assertThat(inboxFiles()).containsExactly("sp500.csv");
    }

    private List<String> inboxFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("inbox"))) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
        }
    }

    /** A port that was free a moment ago: nothing listens there. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Process launch(int apiPort) throws IOException {
        Map<String, String> config = new TreeMap<>();
        config.put("sixtyfour.api.base-uri", "http://127.0.0.1:" + apiPort);
        config.put("sixtyfour.api.key", KEY);
        config.put("sixtyfour.one-shot", "true");
        config.put("sixtyfour.file-retry.first-delay", "200ms");
        config.put("sixtyfour.data-directory", root.resolve("out").toString());
        config.put("quarkus.http.port", "0");
        String pipeline = "sixtyfour.pipelines.unreachable.";
        config.put(pipeline + "workflow-id", EmulatorDefaults.COMPANY_WORKFLOW_ID);
        config.put(pipeline + "source.directory", root.resolve("inbox").toString());
        config.put(pipeline + "source.stable-for", "300ms");
        config.put(pipeline + "source.poll-interval", "200ms");
        config.put(pipeline + "mapping.columns.symbol", "Symbol");

        return AppProcess.launch(config, root.resolve("state"), root.resolve("app.log"));
    }
}
