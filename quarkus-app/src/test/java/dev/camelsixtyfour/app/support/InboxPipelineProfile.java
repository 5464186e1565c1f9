package dev.camelsixtyfour.app.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import dev.camelsixtyfour.emulator.EmulatorDefaults;

/**
 * Pipeline {@code inbox}: the test's inbox folder, CSV, the S&P 500 columns mapped onto the COMPANY workflow;
 * {@code done-files}, the same but reading a file only once its done file {@code <file>.done} is there; and
 * {@code failing}, whose every run fails.
 */
public class InboxPipelineProfile implements QuarkusTestProfile {

    public static final String PIPELINE = "inbox";
    public static final String DONE_FILES = "done-files";

    public static Path doneFilesInbox() {
        return EmulatorResource.root().resolve("inbox-" + DONE_FILES);
    }

    /** A second pipeline, {@code failing}: people onto the FAILING workflow, whose every run fails. */
    public static final String FAILING_PIPELINE = "failing";

    /** The S&P 500 columns onto the COMPANY workflow, small batches and quick polls: shared by the test pipelines. */
    static void companiesForTests(String prefix, Map<String, String> config) {
        config.put(prefix + "workflow-id", EmulatorDefaults.COMPANY_WORKFLOW_ID);
        config.put(prefix + "mapping.columns.symbol", "Symbol");
        config.put(prefix + "mapping.columns.name", "Security");
        config.put(prefix + "mapping.columns.sector", "GICS Sector");
        config.put(prefix + "batch.max-rows", "100");
        config.put(prefix + "batch.idle-timeout", "500ms");
        config.put(prefix + "batch.retry-interval", "500ms");
        config.put(prefix + "run.poll-interval", "100ms");
    }

    private static void failingRuns(String prefix, Map<String, String> config) {
        config.put(prefix + "source.directory", "${sixtyfour-test.root}/" + FAILING_PIPELINE + "-inbox");
        config.put(prefix + "source.stable-for", "300ms");
        config.put(prefix + "source.poll-interval", "200ms");
        config.put(prefix + "workflow-id", EmulatorDefaults.FAILING_WORKFLOW_ID);
        config.put(prefix + "mapping.columns.email", "email");
        config.put(prefix + "mapping.columns.name", "name");
        config.put(prefix + "batch.idle-timeout", "500ms");
        config.put(prefix + "run.poll-interval", "100ms");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        String prefix = "sixtyfour.pipelines." + PIPELINE + ".";
        config.put(prefix + "source.directory", "${sixtyfour-test.root}/inbox");
        config.put(prefix + "source.stable-for", "300ms");
        config.put(prefix + "source.poll-interval", "200ms");
        config.put(prefix + "mapping.columns.headquarters", "Headquarters Location");
        companiesForTests(prefix, config);
        failingRuns("sixtyfour.pipelines." + FAILING_PIPELINE + ".", config);

        String doneFiles = "sixtyfour.pipelines." + DONE_FILES + ".";
        config.put(doneFiles + "source.directory", "${sixtyfour-test.root}/inbox-" + DONE_FILES);
        config.put(doneFiles + "source.stable-for", "300ms");
        config.put(doneFiles + "source.poll-interval", "200ms");
        config.put(doneFiles + "source.done-file-name", "{name}.done");
        companiesForTests(doneFiles, config);
        return config;
    }
}
