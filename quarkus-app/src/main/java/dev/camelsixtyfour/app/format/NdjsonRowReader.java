package dev.camelsixtyfour.app.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads newline-delimited JSON: one object per line; a line that is not an object is one rejected row. */
final class NdjsonRowReader implements RowReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {
    };

    private final BufferedReader reader;
    private final String fileName;
    private long lineNumber;
    private String pending;

    NdjsonRowReader(Reader reader, String fileName) {
        this.reader = new BufferedReader(reader);
        this.fileName = fileName;
    }

    @Override
    public boolean hasNext() {
        while (pending == null) {
            String line = readLine();
            if (line == null) {
                return false;
            }
            lineNumber++;
            if (!line.isBlank()) {
                pending = line;
            }
        }
        return true;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException(fileName + " has no more rows");
        }
        String line = pending;
        pending = null;
        try {
            return SourceRow.of(fileName, lineNumber, MAPPER.readValue(line, ROW));
        } catch (JsonProcessingException e) {
            return SourceRow.unreadable(fileName, lineNumber, "not a JSON object: " + e.getOriginalMessage());
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private String readLine() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new MalformedFileException(fileName, lineNumber + 1,
                    "bytes that are not valid in the configured charset (set the pipeline's format.charset)", e);
        }
    }
}
