package dev.camelsixtyfour.app.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.config.PipelineConfig.SourceType;
import dev.camelsixtyfour.app.format.MalformedFileException;
import dev.camelsixtyfour.app.format.RowReader;
import dev.camelsixtyfour.app.format.RowReaders;
import dev.camelsixtyfour.app.mapping.InputSchemaClient.WorkflowUnavailableException;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.pipeline.Pipeline;

/** The file-level steps of a pipeline's source and parse stages: start, open the rows, finish, or report a failure. */
public final class FileIntake {

    public static final String TALLY = "SixtyfourAppFileTally";

    private static final Logger LOG = LoggerFactory.getLogger(FileIntake.class);
    private static final DateTimeFormatter PICKED_UP_AT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS");

    private final Pipeline pipeline;
    private final BatchStore store;
    private final PipelineMetrics metrics;
    private final FileRetries retries;

    public FileIntake(Pipeline pipeline, BatchStore store, PipelineMetrics metrics, FileRetries retries) {
        this.pipeline = pipeline;
        this.store = store;
        this.metrics = metrics;
        this.retries = retries;
    }

    /** Notes the file, finds where an interrupted attempt stopped, and makes sure the workflow's schema is known. */
    public void begin(Exchange exchange) {
        Message in = exchange.getMessage();
        exchange.setProperty(SourceUris.PICKED_UP_AT, PICKED_UP_AT.format(LocalDateTime.now()));
        String fileName = in.getHeader(Exchange.FILE_NAME, String.class);
        String fileKey = fileName + "|" + in.getHeader(Exchange.FILE_LENGTH, Long.class) + "|"
                + in.getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
        long resumeAfter = store.handedUpTo(pipeline.name(), fileKey);
        exchange.setProperty(TALLY, new FileTally(fileName, fileKey, resumeAfter));
        exchange.setProperty(SourceUris.DISPOSITION, SourceUris.DONE);
        if (resumeAfter > 0) {
            LOG.info("Pipeline {}: picked up {} again; resuming after row {}", pipeline.name(), fileName, resumeAfter);
        } else {
            LOG.info("Pipeline {}: picked up {} ({} bytes)", pipeline.name(), fileName,
                    in.getHeader(Exchange.FILE_LENGTH));
        }
        pipeline.validator();
    }

    /** The file's rows, read a chunk at a time while the split consumes them. */
    public RowChunks rows(Exchange exchange) throws IOException, InvalidPayloadException {
        FileTally tally = exchange.getProperty(TALLY, FileTally.class);
        InputStream input = exchange.getMessage().getMandatoryBody(InputStream.class);
        RowReader reader = RowReaders.open(input, pipeline.config().format(), tally.fileName());
        requireMappedColumns(reader, tally.fileName());
        return new RowChunks(reader);
    }

    /**
     * A header without a column the mapping takes a required workflow column from would reject every row: the file
     * fails as a whole instead, naming what is missing and what was found.
     */
    private void requireMappedColumns(RowReader reader, String fileName) throws IOException {
        List<String> header = reader.header();
        if (header.isEmpty()) {
            return;
        }
        List<String> missing = pipeline.mapper().missingSourceColumns(pipeline.validator().required(), header);
        if (missing.isEmpty()) {
            return;
        }
        reader.close();
        throw new MalformedFileException(fileName, 1, "the header lacks the column" + (missing.size() > 1 ? "s " : " ")
                + String.join(", ", missing) + " that the pipeline's mapping needs for required workflow columns;"
                + " header found: " + String.join(", ", header), null);
    }

    public void finish(Exchange exchange) {
        FileTally tally = exchange.getProperty(TALLY, FileTally.class);
        requireUnchanged(exchange, tally.fileName());
        retries.succeeded(pipeline.name(), tally.fileName());
        LOG.info("Pipeline {}: {} done: {} rows read, {} to batches, {} rejected{}", pipeline.name(),
                tally.fileName(), tally.read(), tally.batched(), tally.rejected(),
                tally.skipped() > 0 ? ", " + tally.skipped() + " already handed on before a restart" : "");
    }

    /**
     * A local file whose size or modification time moved since it was picked up was still being written: what came
     * after the read would be lost silently, so the file fails instead. An SFTP file is read from its downloaded copy.
     */
    private void requireUnchanged(Exchange exchange, String fileName) {
        if (pipeline.config().source().type() != SourceType.FILE) {
            return;
        }
        Message in = exchange.getMessage();
        long pickedUpBytes = in.getHeader(Exchange.FILE_LENGTH, Long.class);
        long pickedUpModified = in.getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
        Path file = Path.of(in.getHeader(Exchange.FILE_PATH, String.class));
        try {
            long nowBytes = Files.size(file);
            long nowModified = Files.getLastModifiedTime(file).toMillis();
            if (nowBytes != pickedUpBytes || nowModified != pickedUpModified) {
                throw new FileChangedWhileReadingException(fileName, pickedUpBytes, pickedUpModified, nowBytes,
                        nowModified);
            }
        } catch (NoSuchFileException e) {
            throw new FileChangedWhileReadingException(fileName, pickedUpBytes, pickedUpModified, -1, -1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check whether " + file + " changed while it was read", e);
        }
    }

    /**
     * A file that cannot be read to its end (or whose workflow refuses us for good): the rows before the failure
     * have gone on; the file moves to the error folder and the returned report goes beside it.
     */
    public String failureReport(Exchange exchange) {
        Throwable failure = rootFailure(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        FileTally tally = exchange.getProperty(TALLY, FileTally.class);
        String fileName = tally != null ? tally.fileName() : exchange.getMessage().getHeader(Exchange.FILE_NAME,
                String.class);
        exchange.setProperty(SourceUris.DISPOSITION, SourceUris.ERROR);
        retries.succeeded(pipeline.name(), fileName);
        metrics.fileFailed(pipeline.name());
        LOG.warn("Pipeline {}: {} failed and moves to {}: {}", pipeline.name(), fileName, SourceUris.ERROR,
                failure.getMessage());
        return report(fileName, failure, tally);
    }

    /**
     * A file that failed for a passing reason: notes the attempt (logged with its cause and the next try), then
     * fails the exchange again so the file stays in its source.
     */
    public void retryLater(Exchange exchange) throws Exception {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        Throwable root = rootFailure(caught);
        String reason = root instanceof WorkflowUnavailableException ? root.getMessage()
                : "reading failed: " + root.getClass().getSimpleName() + ": " + root.getMessage();
        retries.failed(pipeline.name(), fileName, reason);
        throw caught;
    }

    private String report(String fileName, Throwable failure, FileTally tally) {
        StringBuilder report = new StringBuilder()
                .append("file: ").append(fileName).append('\n')
                .append("pipeline: ").append(pipeline.name()).append('\n')
                .append("failed at: ").append(OffsetDateTime.now()).append('\n');
        if (failure instanceof MalformedFileException malformed) {
            report.append("line: ").append(malformed.line()).append('\n');
        }
        report.append("reason: ").append(failure.getMessage()).append('\n');
        if (tally != null) {
            report.append("rows read before the failure: ").append(tally.read()).append('\n')
                    .append("rows handed to batches: ").append(tally.batched()).append('\n')
                    .append("rows rejected: ").append(tally.rejected())
                    .append(tally.rejected() > 0 ? " (see " + pipeline.paths().rejected() + ")" : "").append('\n');
        }
        report.append(handedOn(tally)).append(retryAdvice(failure, tally));
        return report.toString();
    }

    private static String handedOn(FileTally tally) {
        if (tally == null || tally.handed() == 0) {
            return "already handed on: none\n";
        }
        return "already handed on: the first " + tally.handed() + " rows, through line " + tally.lastHandedLine()
                + " (in batches or the rejected-rows file)\n";
    }

    /** What the operator does next; rows already handed on must not be dropped again, they would be sent twice. */
    private static String retryAdvice(Throwable failure, FileTally tally) {
        String first = failure instanceof WorkflowUnavailableException
                ? "The file is not at fault: fix the configuration named above, then"
                : failure instanceof FileChangedWhileReadingException
                        ? "To read the rest: once the writer has finished,"
                        : "To retry: fix the file, then";
        if (tally == null || tally.handed() == 0) {
            return first + " drop the file into the source folder again.\n";
        }
        return first + " drop only the rows after line " + tally.lastHandedLine() + " (keep a CSV file's header"
                + " line) into the source folder: its first " + tally.handed()
                + " rows were already handed on and would be sent a second time.\n";
    }

    /**
     * Whether the file failed for good (see {@link #permanent(Throwable)}); while doCatch decides, the failure is
     * still the exchange's exception.
     */
    public static boolean permanent(Exchange exchange) {
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return permanent(failure);
    }

    /** Failures that waiting will not cure; anything else leaves the file in place to be read again. */
    public static boolean permanent(Throwable failure) {
        Throwable root = rootFailure(failure);
        if (root instanceof MalformedFileException || root instanceof FileChangedWhileReadingException) {
            return true;
        }
        return root instanceof WorkflowUnavailableException unavailable && !unavailable.passing();
    }

    /** The app's own failure inside the wrappers Camel's split adds around it. */
    private static Throwable rootFailure(Throwable failure) {
        Throwable current = failure;
        while (current != null && !ownFailure(current) && current.getCause() != null) {
            current = current.getCause();
        }
        return ownFailure(current) ? current : failure;
    }

    private static boolean ownFailure(Throwable failure) {
        return failure instanceof MalformedFileException || failure instanceof WorkflowUnavailableException
                || failure instanceof FileChangedWhileReadingException;
    }
}
