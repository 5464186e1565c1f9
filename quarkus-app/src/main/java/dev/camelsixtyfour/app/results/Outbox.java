package dev.camelsixtyfour.app.results;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camelsixtyfour.app.batch.SourceRanges;
import dev.camelsixtyfour.app.config.PipelineConfig.ResultFormat;
import dev.camelsixtyfour.app.pipeline.PipelinePaths;

/**
 * A pipeline's outbox: the enriched rows of each batch as {@code results/<batch id>.ndjson} and/or {@code .csv},
 * written whole or not at all (temporary file, then an atomic move), and a manifest with one line per finished
 * batch linking its source files and line ranges to the batch id, the job id and the results files. A batch
 * finished again after a crash writes the same files again; in the manifest the last line of a batch id wins.
 */
public final class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelinePaths paths;
    private final List<ResultFormat> formats;

    public Outbox(PipelinePaths paths, List<ResultFormat> formats) {
        this.paths = paths;
        this.formats = List.copyOf(formats);
    }

    /** Writes the batch's results and its manifest line; returns the files written. */
    public List<Path> write(BatchOutcome outcome, List<Map<String, Object>> rows) {
        List<Path> written = new ArrayList<>();
        for (ResultFormat format : formats) {
            Path target = paths.results().resolve(outcome.batchId() + "." + format.name().toLowerCase());
            writeAtomically(target, format == ResultFormat.CSV ? csv(rows) : ndjson(rows));
            written.add(target);
        }
        appendToManifest(outcome, rows.size(), written);
        return written;
    }

    private void appendToManifest(BatchOutcome outcome, int rowsOut, List<Path> files) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("batch_id", outcome.batchId());
        line.put("job_id", outcome.jobId());
        line.put("workflow_id", outcome.workflowId());
        line.put("rows_in", outcome.rowsIn());
        line.put("rows_out", rowsOut);
        line.put("sources", SourceRanges.parse(outcome.sources()).stream()
                .map(Outbox::sourceEntry)
                .toList());
        line.put("results", files.stream().map(file -> paths.root().relativize(file).toString()).toList());
        line.put("completed_at", OffsetDateTime.now().toString());
        appendLine(paths.manifest(), toJson(line));
    }

    private static Map<String, Object> sourceEntry(SourceRanges.Range range) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", range.file());
        entry.put("first_line", range.firstLine());
        entry.put("last_line", range.lastLine());
        return entry;
    }

    static synchronized void appendLine(Path file, String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + file, e);
        }
    }

    static void writeAtomically(Path target, String content) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    public static String ndjson(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        rows.forEach(row -> out.append(toJson(row)).append('\n'));
        return out.toString();
    }

    /** CSV with the union of the rows' columns, in order of first appearance; nested values as JSON. */
    static String csv(List<Map<String, Object>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        Writer out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get()
                .print(out)) {
            for (Map<String, Object> row : rows) {
                List<Object> values = new ArrayList<>();
                columns.forEach(column -> values.add(cell(row.get(column))));
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format results as CSV", e);
        }
        return out.toString();
    }

    private static Object cell(Object value) {
        return value instanceof Map || value instanceof List ? toJson(value) : value;
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a value as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
