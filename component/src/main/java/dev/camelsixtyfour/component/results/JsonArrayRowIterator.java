package dev.camelsixtyfour.component.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rows of a JSON array of objects, parsed one element at a time so the array is never held whole.
 */
final class JsonArrayRowIterator extends StreamRowIterator {

    private final ObjectMapper mapper;
    private final JsonParser parser;
    private boolean started;

    JsonArrayRowIterator(InputStream input, String source, ObjectMapper mapper) throws IOException {
        super(input, source);
        this.mapper = mapper;
        this.parser = mapper.getFactory().createParser(input);
    }

    @Override
    protected Map<String, Object> readRow() throws IOException {
        if (!started) {
            started = true;
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new IOException("expected a JSON array of rows but found " + first);
            }
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY || token == null) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new IOException("expected a JSON object as row but found " + token);
        }
        return toRow(mapper.readValue(parser, Map.class));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toRow(Map<?, ?> parsed) {
        return new LinkedHashMap<>((Map<String, Object>) parsed);
    }

    @Override
    protected void closeParser() throws IOException {
        parser.close();
    }
}
