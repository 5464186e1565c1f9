package dev.camelsixtyfour.app.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Streams a CSV file with a header row through commons-csv: quoted fields may hold delimiters and line breaks, and
 * the delimiter is either given or detected from the header row.
 */
final class CsvRowReader implements RowReader {

    private static final String CANDIDATE_DELIMITERS = ",;\t|";
    private static final int HEADER_LOOKAHEAD = 1 << 16;
    private static final Pattern PARSER_LINE_NUMBERS = Pattern.compile(
            "\\(startline \\d+\\)|,? ?at line:? \\d+(, position:? \\d+)?");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final String fileName;
    private long nextRecordLine;

    private CsvRowReader(CSVParser parser, String fileName) {
        this.parser = parser;
        this.records = parser.iterator();
        this.header = parser.getHeaderNames();
        this.fileName = fileName;
        this.nextRecordLine = parser.getCurrentLineNumber() + 1;
    }

    static RowReader open(Reader source, String delimiter, String fileName) throws IOException {
        BufferedReader reader = new BufferedReader(source, HEADER_LOOKAHEAD);
        CSVParser parser;
        try {
            char separator = "auto".equalsIgnoreCase(delimiter) ? detectDelimiter(reader) : parseDelimiter(delimiter);
            parser = CSVParser.builder().setReader(reader).setFormat(formatWith(separator)).get();
        } catch (CharacterCodingException e) {
            throw new MalformedFileException(fileName, 1, "the header row is not valid in the configured charset", e);
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(fileName, 1, "unusable header row: " + e.getMessage(), e);
        }
        if (parser.getHeaderNames().isEmpty()) {
            throw new MalformedFileException(fileName, 1, "the file is empty: no header row", null);
        }
        return new CsvRowReader(parser, fileName);
    }

    private static CSVFormat formatWith(char separator) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(separator)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw malformed(e);
        }
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException(fileName + " has no more rows");
        }
        long line = nextRecordLine;
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException e) {
            throw malformed(e);
        }
        nextRecordLine = parser.getCurrentLineNumber() + 1;
        if (record.size() != header.size()) {
            return SourceRow.unreadable(fileName, line,
                    record.size() + " fields where the header row has " + header.size());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), record.get(i));
        }
        return SourceRow.of(fileName, line, values);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private MalformedFileException malformed(UncheckedIOException e) {
        String reason = e.getCause() instanceof CharacterCodingException
                ? "bytes that are not valid in the configured charset (set the pipeline's format.charset)"
                : quotingProblem(String.valueOf(e.getCause().getMessage()));
        return new MalformedFileException(fileName, nextRecordLine, reason, e);
    }

    /**
     * commons-csv's parse error in words about the record starting on the reported line; its own line numbers
     * ("(startline 10)", "at line: 11") are dropped, so the report names one line.
     */
    private static String quotingProblem(String parserMessage) {
        if (parserMessage.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field of the record starting on this line is never closed: the end of the file came"
                    + " first";
        }
        if (parserMessage.contains("between encapsulated token and delimiter")) {
            return "a quoted field of the record starting on this line is followed by text before the next"
                    + " delimiter (a quote inside a field must be doubled)";
        }
        return PARSER_LINE_NUMBERS.matcher(parserMessage).replaceAll("").strip();
    }

    /** Picks the candidate that occurs most often, outside quotes, in the header row. */
    private static char detectDelimiter(BufferedReader reader) throws IOException {
        reader.mark(HEADER_LOOKAHEAD);
        String headerLine = reader.readLine();
        reader.reset();
        if (headerLine == null) {
            return ',';
        }
        char best = ',';
        int bestCount = 0;
        for (char candidate : CANDIDATE_DELIMITERS.toCharArray()) {
            int count = countOutsideQuotes(headerLine, candidate);
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char wanted) {
        int count = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static char parseDelimiter(String delimiter) {
        if ("tab".equalsIgnoreCase(delimiter) || "\\t".equals(delimiter)) {
            return '\t';
        }
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("format.delimiter must be auto, tab or one character, not '"
                    + delimiter + "'");
        }
        return delimiter.charAt(0);
    }
}
