package dev.camelsixtyfour.app.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.config.PipelineConfig.SourceType;
import dev.camelsixtyfour.app.config.SixtyfourAppConfig;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.pipeline.PipelineRegistry;
import dev.camelsixtyfour.app.source.FileRetries;
import dev.camelsixtyfour.app.source.SourceUris;

/**
 * One-shot mode: waits until every pipeline is idle (no file left in a local inbox, nothing in flight, no open or
 * unconfirmed batch, files that keep failing given up after {@code sixtyfour.file-retry.one-shot-attempts}), prints
 * a summary and returns the exit code: 0 when every batch ended in the outbox and no file was given up.
 */
@ApplicationScoped
public class OneShotRun {

    private static final Logger LOG = LoggerFactory.getLogger(OneShotRun.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    private static final int IDLE_CHECKS = 4;
    private static final int MAX_REASONS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PipelineRegistry registry;

    @Inject
    BatchStore store;

    @Inject
    PipelineMetrics metrics;

    @Inject
    CamelContext camel;

    @Inject
    FileRetries retries;

    @Inject
    SixtyfourAppConfig config;

    /** In one-shot mode, watches the pipelines from the start and stops the app once they are drained. */
    void onStart(@Observes StartupEvent started) {
        if (!config.oneShot()) {
            return;
        }
        Thread watcher = new Thread(this::runThenExit, "sixtyfour-one-shot");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void runThenExit() {
        try {
            Quarkus.asyncExit(runToCompletion());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int runToCompletion() throws InterruptedException {
        long started = System.nanoTime();
        // The JVM's start, not this watcher's: the pipelines may park a batch before the watcher begins.
        Instant startedAt = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        int idleInARow = 0;
        while (idleInARow < IDLE_CHECKS) {
            Thread.sleep(CHECK_EVERY.toMillis());
            idleInARow = idle() ? idleInARow + 1 : 0;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return printSummary(took, startedAt);
    }

    private boolean idle() {
        if (!camel.isStarted() || camel.getInflightRepository().size() > 0) {
            return false;
        }
        for (Pipeline pipeline : registry.pipelines()) {
            if (store.pendingBatches(pipeline.name()) > 0 || hasWaitingFiles(pipeline)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a file waits in the local inbox that the run has not given up on. */
    private boolean hasWaitingFiles(Pipeline pipeline) {
        if (pipeline.config().source().type() != SourceType.FILE) {
            return false;
        }
        Path inbox = Path.of(SourceUris.folder(pipeline));
        if (!Files.isDirectory(inbox)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.anyMatch(entry -> Files.isRegularFile(entry)
                    && entry.getFileName().toString().matches(pipeline.config().source().include())
                    && !retries.givenUp(pipeline.name(), entry.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the inbox " + inbox, e);
        }
    }

    /** Points at an output only when something went there, so the summary names no path that does not exist. */
    private static void where(StringBuilder summary, String what, Path path, double count) {
        if (count > 0 && Files.exists(path)) {
            summary.append(String.format("  %s: %s%n", what, path.toAbsolutePath()));
        }
    }

    /** The reasons of the batches this run parked, read back from their {@code <batch>.reason.json}. */
    private static void parkedReasons(StringBuilder summary, Path deadLetter, Instant since) {
        if (!Files.isDirectory(deadLetter)) {
            return;
        }
        try (Stream<Path> entries = Files.list(deadLetter)) {
            entries.filter(entry -> entry.getFileName().toString().endsWith(".reason.json"))
                    .filter(entry -> modifiedSince(entry, since))
                    .sorted()
                    .limit(MAX_REASONS)
                    .forEach(entry -> summary.append(String.format("  parked %s: %s%n",
                            entry.getFileName(), reasonOf(entry))));
        } catch (IOException e) {
            summary.append(String.format("  dead letters cannot be listed: %s%n", e.getMessage()));
        }
    }

    private static boolean modifiedSince(Path file, Instant since) {
        try {
            return !Files.getLastModifiedTime(file).toInstant().isBefore(since);
        } catch (IOException e) {
            return false;
        }
    }

    private static String reasonOf(Path reasonFile) {
        try {
            return JSON.readTree(reasonFile.toFile()).path("reason").asText("unknown");
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    private int printSummary(Duration took, Instant startedAt) {
        boolean clean = true;
        StringBuilder summary = new StringBuilder("\n== camel-sixtyfour summary (").append(took.toMillis())
                .append(" ms)\n");
        for (Pipeline pipeline : registry.pipelines()) {
            String name = pipeline.name();
            double rowsIn = metrics.count("sixtyfour.rows.read", name);
            double parked = metrics.count("sixtyfour.batches.parked", name);
            double failedFiles = metrics.count("sixtyfour.files.failed", name);
            summary.append(String.format("pipeline %s: rows in %.0f, rejected %.0f, batches %.0f, runs completed %.0f,"
                    + " runs failed %.0f, batches parked %.0f, rows out %.0f, failed files %.0f%n", name, rowsIn,
                    metrics.count("sixtyfour.rows.rejected", name), metrics.count("sixtyfour.batches.triggered", name),
                    metrics.count("sixtyfour.runs.completed", name), metrics.count("sixtyfour.runs.failed", name),
                    parked, metrics.count("sixtyfour.rows.written", name), failedFiles));
            where(summary, "results", pipeline.paths().results(), metrics.count("sixtyfour.rows.written", name));
            where(summary, "manifest", pipeline.paths().manifest(), metrics.count("sixtyfour.runs.completed", name));
            where(summary, "rejected rows", pipeline.paths().rejected(), metrics.count("sixtyfour.rows.rejected",
                    name));
            where(summary, "dead letters", pipeline.paths().deadLetter(), parked);
            if (parked > 0) {
                parkedReasons(summary, pipeline.paths().deadLetter(), startedAt);
            }
            if (failedFiles > 0) {
                summary.append(String.format("  failed files and their reports: %s/%s%n",
                        SourceUris.folder(pipeline), SourceUris.ERROR));
            }
            summary.append(String.format("  rows/s: %.1f%n", rowsIn * 1000.0 / Math.max(1, took.toMillis())));
            List<FileRetries.Attempt> givenUp = retries.givenUp(name);
            givenUp.forEach(attempt -> summary.append(String.format("  gave up on %s (left in the inbox) after %d"
                    + " attempts: %s%n", attempt.fileName(), attempt.number(), attempt.reason())));
            clean &= parked == 0 && failedFiles == 0 && givenUp.isEmpty();
        }
        LOG.info("{}", summary);
        return clean ? 0 : 1;
    }
}
