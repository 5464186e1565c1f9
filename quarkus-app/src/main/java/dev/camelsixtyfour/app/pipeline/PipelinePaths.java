package dev.camelsixtyfour.app.pipeline;

import java.nio.file.Path;

/**
 * Where a pipeline writes: enriched results per batch, the manifest, rejected rows, reports on failed files, and
 * the dead-letter folder of batches the service refused.
 */
public record PipelinePaths(Path root) {

    public Path results() {
        return root.resolve("results");
    }

    public Path manifest() {
        return root.resolve("manifest.ndjson");
    }

    public Path rejected() {
        return root.resolve("rejected");
    }

    /** Failed source files' reports; the files themselves move to the source's own .error folder. */
    public Path reports() {
        return root.resolve("reports");
    }

    public Path deadLetter() {
        return root.resolve("dead-letter");
    }

    /** Batches dropped here (from the dead-letter folder) are triggered again with their batch id. */
    public Path replay() {
        return deadLetter().resolve("replay");
    }

    /** Local copies of remote files while they are read (SFTP). */
    public Path work() {
        return root.resolve("work");
    }

    /** Results whose sink delivery failed every retry: rows and a reason file, per batch. */
    public Path undelivered() {
        return root.resolve("undelivered");
    }

    /** Results dropped here (from the undelivered folder) are delivered to the sink again. */
    public Path redeliver() {
        return undelivered().resolve("replay");
    }
}
