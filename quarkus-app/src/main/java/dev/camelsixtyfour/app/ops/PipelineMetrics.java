package dev.camelsixtyfour.app.ops;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counters an operator watches on /q/metrics, tagged by pipeline: rows read and rejected, files failed,
 * batches triggered and parked, runs completed and failed, rows written to the outbox.
 */
@ApplicationScoped
public class PipelineMetrics {

    private static final List<String> COUNTERS = List.of("sixtyfour.rows.read", "sixtyfour.rows.rejected",
            "sixtyfour.files.failed", "sixtyfour.batches.triggered", "sixtyfour.batches.parked",
            "sixtyfour.runs.completed", "sixtyfour.runs.failed", "sixtyfour.rows.written");

    private final MeterRegistry registry;

    @Inject
    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers every counter of the pipeline at zero, so that /q/metrics shows a rejected row or a failed run
     * going from 0 to 1 (a counter that appears only with its first count cannot be alerted on by its increase).
     */
    public void startAtZero(String pipeline) {
        COUNTERS.forEach(name -> counter(name, pipeline));
    }

    public void rowsRead(String pipeline, long rows) {
        counter("sixtyfour.rows.read", pipeline).increment(rows);
    }

    public void rowRejected(String pipeline) {
        counter("sixtyfour.rows.rejected", pipeline).increment();
    }

    public void fileFailed(String pipeline) {
        counter("sixtyfour.files.failed", pipeline).increment();
    }

    public void batchTriggered(String pipeline) {
        counter("sixtyfour.batches.triggered", pipeline).increment();
    }

    public void batchParked(String pipeline) {
        counter("sixtyfour.batches.parked", pipeline).increment();
    }

    public void runCompleted(String pipeline, long rowsOut) {
        counter("sixtyfour.runs.completed", pipeline).increment();
        counter("sixtyfour.rows.written", pipeline).increment(rowsOut);
    }

    public void runFailed(String pipeline) {
        counter("sixtyfour.runs.failed", pipeline).increment();
    }

    public double count(String name, String pipeline) {
        return counter(name, pipeline).count();
    }

    private Counter counter(String name, String pipeline) {
        return Counter.builder(name).tag("pipeline", pipeline).register(registry);
    }
}
