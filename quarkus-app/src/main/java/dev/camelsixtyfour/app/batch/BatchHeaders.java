package dev.camelsixtyfour.app.batch;

/** Header names a batch carries through the batch, trigger and results stages (and into its stored form). */
public final class BatchHeaders {

    /** The batch's stable id; it becomes the run's Idempotency-Key. */
    public static final String BATCH_ID = "SixtyfourAppBatchId";
    public static final String ROW_COUNT = "SixtyfourAppRowCount";
    public static final String BYTE_COUNT = "SixtyfourAppByteCount";
    /** Source files and line ranges in the batch: one {@code file<TAB>first<TAB>last} entry per line. */
    public static final String SOURCES = "SixtyfourAppSources";
    /**
     * The rows' own source file and first line, on rows before they join a batch; {@link #ROW_COUNT} says how many
     * NDJSON rows the body holds (1 when absent) and {@link #SOURCE_LAST_LINE} where the last of them starts.
     */
    public static final String SOURCE_FILE = "SixtyfourAppSourceFile";
    public static final String SOURCE_LINE = "SixtyfourAppSourceLine";
    public static final String SOURCE_LAST_LINE = "SixtyfourAppSourceLastLine";
    /** The job id of the run a batch started. */
    public static final String JOB_ID = "SixtyfourAppJobId";

    private BatchHeaders() {
    }
}
