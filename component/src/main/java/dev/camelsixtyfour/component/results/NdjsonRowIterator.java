package dev.camelsixtyfour.component.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rows of newline-delimited JSON: one object per line; blank lines are skipped.
 */
final class NdjsonRowIterator extends StreamRowIterator {

    private final ObjectMapper mapper;
    private final JsonParser parser;

    NdjsonRowIterator(InputStream input, String source, ObjectMapper mapper) throws IOException {
        super(input, source);
        this.mapper = mapper;
        this.parser = mapper.getFactory().createParser(input);
    }

    @Override
    protected Map<String, Object> readRow() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new IOException("expected a JSON object on line " + parser.currentLocation().getLineNr()
                                  + " but found " + token);
        }
        return JsonArrayRowIterator.toRow(mapper.readValue(parser, Map.class));
    }

    @Override
    protected void closeParser() throws IOException {
        parser.close();
    }
}
