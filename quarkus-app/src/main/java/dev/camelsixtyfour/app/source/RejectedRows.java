package dev.camelsixtyfour.app.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rejected-rows files: one {@code <source file>.rejected.ndjson} per source file, one line per rejected row
 * with the file name, line number, reason and the row's values.
 */
final class RejectedRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    RejectedRows(Path directory) {
        this.directory = directory;
    }

    synchronized void write(String fileName, long line, String reason, Map<String, Object> values) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", fileName);
        entry.put("line", line);
        entry.put("reason", reason);
        entry.put("row", values);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(fileName + ".rejected.ndjson"), JSON.writeValueAsString(entry) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the rejection of " + fileName + " line " + line, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the rejected-rows file in " + directory, e);
        }
    }
}
