package dev.camelsixtyfour.app.batch;

/** Header names a batch carries through the batch, trigger and results stages (and into its stored form). */
public final class BatchHeaders {

    /** The batch's stable id; it becomes the run's Idempotency-Key. */
    public static final String BATCH_ID = "SixtyfourAppBatchId";
    public static final String ROW_COUNT = "SixtyfourAppRowCount";
    public static final String BYTE_COUNT = "SixtyfourAppByteCount";
    /** Source files and line ranges in the batch: one {@code file<TAB>first<TAB>last} entry per line. */
    public static final String SOURCES = "SixtyfourAppSources";
    /** The row's own source file and line, on a row before it joins a batch. */
    public static final String SOURCE_FILE = "SixtyfourAppSourceFile";
    public static final String SOURCE_LINE = "SixtyfourAppSourceLine";
    /** The job id of the run a batch started. */
    public static final String JOB_ID = "SixtyfourAppJobId";

    private BatchHeaders() {
    }
}
