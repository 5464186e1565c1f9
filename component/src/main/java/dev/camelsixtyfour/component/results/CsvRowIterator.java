package dev.camelsixtyfour.component.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV rows keyed by the header line; every value is a string, as CSV carries no types.
 */
final class CsvRowIterator extends StreamRowIterator {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRowIterator(InputStream input, String source) throws IOException {
        super(input, source);
        this.parser = CSVParser.builder()
                .setReader(new InputStreamReader(input, StandardCharsets.UTF_8))
                .setFormat(FORMAT)
                .get();
        this.records = parser.iterator();
    }

    @Override
    protected Map<String, Object> readRow() {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        Map<String, Object> row = new LinkedHashMap<>();
        for (Map.Entry<String, String> cell : record.toMap().entrySet()) {
            row.put(cell.getKey(), cell.getValue());
        }
        return row;
    }

    @Override
    protected void closeParser() throws IOException {
        parser.close();
    }
}
