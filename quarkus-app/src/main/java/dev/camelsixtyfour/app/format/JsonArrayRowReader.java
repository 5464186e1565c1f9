package dev.camelsixtyfour.app.format;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Streams the objects of a top-level JSON array one at a time with Jackson's streaming parser. */
final class JsonArrayRowReader implements RowReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {
    };

    private final JsonParser parser;
    private final String fileName;
    private JsonToken current;

    private JsonArrayRowReader(JsonParser parser, String fileName) {
        this.parser = parser;
        this.fileName = fileName;
    }

    static RowReader open(Reader reader, String fileName) throws IOException {
        JsonParser parser = MAPPER.getFactory().createParser(reader);
        JsonArrayRowReader rows = new JsonArrayRowReader(parser, fileName);
        JsonToken first = rows.advance();
        if (first == null) {
            throw new MalformedFileException(fileName, 1, "the file is empty: no JSON array", null);
        }
        if (first != JsonToken.START_ARRAY) {
            throw new MalformedFileException(fileName, rows.line(), "expected a JSON array of objects, found " + first,
                    null);
        }
        rows.advance();
        return rows;
    }

    @Override
    public boolean hasNext() {
        if (current == null) {
            throw new MalformedFileException(fileName, line(), "the JSON array is not closed", null);
        }
        return current != JsonToken.END_ARRAY;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException(fileName + " has no more rows");
        }
        long line = line();
        try {
            SourceRow row = current == JsonToken.START_OBJECT
                    ? SourceRow.of(fileName, line, readObject())
                    : skipNonObject(line);
            advance();
            return row;
        } catch (IOException e) {
            throw new MalformedFileException(fileName, line, "invalid JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private Map<String, Object> readObject() throws IOException {
        return MAPPER.readValue(parser, ROW);
    }

    private SourceRow skipNonObject(long line) throws IOException {
        JsonToken found = current;
        parser.skipChildren();
        return SourceRow.unreadable(fileName, line, "array element is " + found + ", not an object");
    }

    private JsonToken advance() {
        try {
            current = parser.nextToken();
            return current;
        } catch (JsonProcessingException e) {
            throw new MalformedFileException(fileName, line(), "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedFileException(fileName, line(), "unreadable: " + e.getMessage(), e);
        }
    }

    private long line() {
        return parser.currentTokenLocation().getLineNr();
    }
}
