package dev.camelsixtyfour.component.results;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.SixtyfourResultsConfiguration;
import dev.camelsixtyfour.component.client.SixtyfourClient;
import dev.camelsixtyfour.component.model.ResultFile;
import dev.camelsixtyfour.component.model.ResultFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a finished run into message bodies: the inline rows when the service sent them, else the signed download
 * read as rows (a list, or an iterator that streams) or written to a file. Shared by the results and runAndWait
 * operations and both consumers; keeps no per-run state.
 */
public final class ResultsFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsFetcher.class);

    private final SixtyfourClient client;
    private final SixtyfourResultsConfiguration configuration;
    private final ObjectMapper mapper;

    public ResultsFetcher(SixtyfourClient client, SixtyfourResultsConfiguration configuration, ObjectMapper mapper) {
        this.client = client;
        this.configuration = configuration;
        this.mapper = mapper;
    }

    /**
     * The final output of run {@code jobId}: the last result file in block order.
     */
    public CompletableFuture<FetchedResults> fetch(String jobId, ResultFormat format) {
        return client.downloadLinks(jobId, format).thenCompose(files -> {
            if (files.isEmpty()) {
                LOG.debug("Run {} has no result files", jobId);
                return CompletableFuture.completedFuture(FetchedResults.none(configuration.isStreamResults()));
            }
            return fromFile(jobId, finalFile(files), format);
        });
    }

    /**
     * Rows behind a download URL that arrived without a result file around it (a webhook delivery's
     * {@code results_download_url}).
     */
    public CompletableFuture<FetchedResults> fetchUrl(String jobId, URI downloadUrl, ResultFormat format,
                                                      Long rowCount) {
        String fileName = jobId + "." + format.value();
        return client.download(downloadUrl).thenApply(input -> toBody(input, jobId, fileName, format, rowCount));
    }

    private CompletableFuture<FetchedResults> fromFile(String jobId, ResultFile file, ResultFormat format) {
        boolean toDirectory = configuration.getResultsDirectory() != null;
        if (file.results() != null && !toDirectory) {
            LOG.debug("Run {}: {} rows inline in {}", jobId, file.results().size(), file.filename());
            Object body = configuration.isStreamResults() ? RowReaders.of(file.results()) : file.results();
            return CompletableFuture.completedFuture(
                    new FetchedResults(body, (long) file.results().size(), file.filename()));
        }
        if (file.downloadUrl() == null) {
            return CompletableFuture.failedFuture(SixtyfourException.builder(
                    "Result file " + file.filename() + " of run " + jobId + " has neither inline rows nor a"
                                                                                + " download_url").build());
        }
        LOG.debug("Run {}: downloading {} ({} rows)", jobId, file.filename(), file.rowCount());
        return client.download(URI.create(file.downloadUrl()))
                .thenApply(input -> toBody(input, jobId, file.filename(), format, file.rowCount()));
    }

    private FetchedResults toBody(InputStream input, String jobId, String fileName, ResultFormat format,
                                  Long rowCount) {
        String source = "run " + jobId + " file " + fileName;
        try {
            if (configuration.getResultsDirectory() != null) {
                return new FetchedResults(writeFile(input, jobId, format), rowCount, fileName);
            }
            RowIterator rows = RowReaders.open(format, input, source, mapper);
            if (configuration.isStreamResults()) {
                return new FetchedResults(rows, rowCount, fileName);
            }
            // Known limitation: without streamResults or resultsDirectory every row is held in memory at once.
            List<Map<String, Object>> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            return new FetchedResults(all, (long) all.size(), fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
    }

    private File writeFile(InputStream input, String jobId, ResultFormat format) throws IOException {
        Path directory = Path.of(configuration.getResultsDirectory());
        Files.createDirectories(directory);
        Path target = directory.resolve(jobId + "." + format.value());
        Path partial = directory.resolve(jobId + "." + format.value() + ".part");
        try (input) {
            long bytes = Files.copy(input, partial, StandardCopyOption.REPLACE_EXISTING);
            // The final name appears only once the file is whole, so a file watcher never picks up half a download.
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.debug("Run {}: wrote {} bytes to {}", jobId, bytes, target);
        }
        return target.toFile();
    }

    static ResultFile finalFile(List<ResultFile> files) {
        ResultFile last = files.get(0);
        for (ResultFile file : files) {
            if (blockNumber(file) >= blockNumber(last)) {
                last = file;
            }
        }
        return last;
    }

    private static int blockNumber(ResultFile file) {
        return file.blockNumber() == null ? -1 : file.blockNumber();
    }
}
