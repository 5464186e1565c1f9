package dev.camelsixtyfour.app.source;

/**
 * What happened to one source file's rows while it is read; shared by the file's exchange and its split rows.
 * Rows are counted by their position in the file (from 1), not by line: several rows of a JSON array may share a
 * line. {@code resumeAfter} is how many rows an earlier, interrupted attempt already handed on.
 */
public final class FileTally {

    private final String fileName;
    private final String fileKey;
    private final long resumeAfter;
    private long read;
    private long batched;
    private long rejected;
    private long skipped;
    private long handed;
    private long lastHandedLine;

    public FileTally(String fileName, String fileKey, long resumeAfter) {
        this.fileName = fileName;
        this.fileKey = fileKey;
        this.resumeAfter = resumeAfter;
    }

    public String fileName() {
        return fileName;
    }

    public String fileKey() {
        return fileKey;
    }

    /** True when the row at {@code position} was handed on by an earlier, interrupted attempt at this file. */
    public boolean alreadyHanded(long position) {
        return position <= resumeAfter;
    }

    public long resumeAfter() {
        return resumeAfter;
    }

    /** Counts one more row read and returns its position in the file. */
    public synchronized long countRead() {
        return ++read;
    }

    public synchronized void countBatched(long rows) {
        batched += rows;
    }

    public synchronized void countRejected() {
        rejected++;
    }

    public synchronized void countSkipped() {
        skipped++;
    }

    /** Notes that the row starting at {@code line} is done with: batched, rejected or skipped as handed before. */
    public synchronized void countHanded(long line) {
        handed++;
        lastHandedLine = line;
    }

    /** How many rows, from the file's first, are in batches or the rejected-rows file (earlier attempts included). */
    public synchronized long handed() {
        return handed;
    }

    /** The line the last handed row starts at; 0 when none was. */
    public synchronized long lastHandedLine() {
        return lastHandedLine;
    }

    public synchronized long read() {
        return read;
    }

    public synchronized long batched() {
        return batched;
    }

    public synchronized long rejected() {
        return rejected;
    }

    public synchronized long skipped() {
        return skipped;
    }
}
