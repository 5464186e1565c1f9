package dev.camelsixtyfour.app.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the packaged app (quarkus-run.jar, path from the failsafe plugin) as its own process. */
public final class AppProcess {

    private AppProcess() {
    }

    /** The app with {@code config} as system properties, its state in {@code state}, its output in {@code log}. */
    public static Process launch(Map<String, String> config, Path state, Path log) throws IOException {
        String jar = System.getProperty("sixtyfour.app.jar");
        // surefire ignores its excludes under -Dtest=...: there, before packaging, these tests are skipped, not failed
        assumeTrue(jar != null, "runs from the failsafe plugin, after the app is packaged");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar);
        ProcessBuilder builder = new ProcessBuilder(command);
        // the state folder through the default (embedded H2) database URL
        builder.environment().put("SIXTYFOUR_STATE_DIRECTORY", state.toAbsolutePath().toString());
        return builder
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
