package dev.camelsixtyfour.app.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camelsixtyfour.emulator.EmulatedRun;
import dev.camelsixtyfour.emulator.EmulatorDefaults;

/** Slices of the S&P 500 list as records, and the symbols the emulator received. */
public final class Sp500Rows {

    public static final String RESOURCE = "sp500-constituents.csv";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Sp500Rows() {
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of the list, each as column → value. */
    public static List<Map<String, String>> slice(int from, int to) {
        String csv = new String(TestFiles.resource(RESOURCE), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords().subList(from, to).stream().map(record -> record.toMap()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> symbols(List<Map<String, String>> rows) {
        return rows.stream().map(row -> row.get("Symbol")).toList();
    }

    public static String csv(List<Map<String, String>> rows) {
        StringBuilder out = new StringBuilder();
        List<String> header = List.copyOf(rows.get(0).keySet());
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(
                String[]::new)).get())) {
            for (Map<String, String> row : rows) {
                printer.printRecord(header.stream().map(row::get).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String jsonArray(List<?> records) {
        return json(records);
    }

    public static String ndjson(List<Map<String, String>> rows) {
        return rows.stream().map(Sp500Rows::json).collect(Collectors.joining("\n", "", "\n"));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every symbol of every COMPANY run the emulator started, once per time it was sent. */
    public static List<String> sentSymbols() {
        return EmulatorResource.emulator().runs().stream()
                .filter(run -> EmulatorDefaults.COMPANY_WORKFLOW_ID.equals(run.workflowId()))
                .map(EmulatedRun::rows)
                .flatMap(List::stream)
                .map(row -> String.valueOf(row.get("symbol")))
                .toList();
    }
}
