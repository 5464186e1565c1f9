package dev.camelsixtyfour.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading the test data and what the app wrote. */
public final class TestFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestFiles() {
    }

    public static byte[] resource(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/data/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource /data/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of one column of a CSV test resource, trimmed. */
    public static List<String> csvColumn(String resource, String column) {
        try (Reader reader = new StringReader(new String(resource(resource), StandardCharsets.UTF_8));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
            return parser.stream().map(record -> record.get(column).strip()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line of every file with the extension under {@code directory}, parsed as JSON objects. */
    public static List<Map<String, Object>> ndjsonRows(Path directory, String extension) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Path file : files(directory, extension)) {
            rows.addAll(ndjsonLines(file));
        }
        return rows;
    }

    public static List<Map<String, Object>> ndjsonLines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).map(TestFiles::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of NDJSON text (a message or request body), parsed as JSON objects. */
    public static List<Map<String, Object>> ndjsonLines(String text) {
        return text.lines().filter(line -> !line.isBlank()).map(TestFiles::parse).toList();
    }

    public static List<Path> files(Path directory, String extension) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<CSVRecord> csvRecords(Path file) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> parse(String line) {
        try {
            return JSON.readValue(line, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
