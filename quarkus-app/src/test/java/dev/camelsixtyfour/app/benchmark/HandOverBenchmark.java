package dev.camelsixtyfour.app.benchmark;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camelsixtyfour.app.batch.BatchAggregationStrategy;
import dev.camelsixtyfour.app.batch.BatchHandOver;
import dev.camelsixtyfour.app.batch.BatchHeaders;
import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.source.RowChunks;

/**
 * Rows per second handed from a source into the persistent batches, two ways side by side on the same input and
 * database: one transaction per row (the hand-over before chunking) and {@link BatchHandOver}'s chunks as the app
 * uses them ({@link RowChunks#ROWS} rows read ahead). Both run the batch route of the app (the same aggregation
 * strategy, JDBC repository and limits) on H2 (file, WRITE_DELAY=0, as configured) and PostgreSQL on
 * 127.0.0.1:5432. Times are printed, never asserted. Run with
 * {@code mvn -B -ntp -pl quarkus-app -am verify -Pintake-benchmark -DskipTests}; system properties
 * {@code benchmark.runs} (3), {@code benchmark.maxRows} (100) and {@code benchmark.databases} (h2,postgres).
 */
public final class HandOverBenchmark {

    /** The public company lists kept beside the project ({@code ../shared/data} from the directory Maven runs in). */
    private static final Path DATA = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "."))
            .resolve("../shared/data").normalize();
    private static final List<String> INPUTS = List.of("sp500-constituents.csv", "nasdaq-listed-symbols.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxRows = Integer.getInteger("benchmark.maxRows", 100);
    private final long maxBytes = 1_000_000;

    private HandOverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("benchmark.runs", 3);
        HandOverBenchmark benchmark = new HandOverBenchmark();
        for (String database : System.getProperty("benchmark.databases", "h2,postgres").split(",")) {
            for (String input : INPUTS) {
                benchmark.compare(database, input, runs);
            }
        }
    }

    private void compare(String database, String input, int runs) throws Exception {
        List<BatchHandOver.Row> rows = rows(DATA.resolve(input));
        List<Double> perRow = new ArrayList<>();
        List<Double> chunked = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            // alternate the order, so neither variant always runs on a warmer JVM or a fuller database
            boolean perRowFirst = run % 2 == 1;
            double first = rowsPerSecond(database, input, rows, perRowFirst);
            double second = rowsPerSecond(database, input, rows, !perRowFirst);
            perRow.add(perRowFirst ? first : second);
            chunked.add(perRowFirst ? second : first);
            System.out.printf(Locale.ROOT, "%s %s run %d: per row %.1f rows/s, chunked %.1f rows/s, ratio %.1fx%n",
                    database, input, run, perRow.get(run - 1), chunked.get(run - 1),
                    chunked.get(run - 1) / perRow.get(run - 1));
        }
        List<Double> ratios = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            ratios.add(chunked.get(run) / perRow.get(run));
        }
        System.out.printf(Locale.ROOT, "== %s %s (%d rows, max-rows %d): per row %s rows/s; chunked %s rows/s;"
                + " ratio %s%n", database, input, rows.size(), maxRows, spread(perRow), spread(chunked),
                spread(ratios));
    }

    private double rowsPerSecond(String database, String input, List<BatchHandOver.Row> rows, boolean perRow)
            throws Exception {
        String pipeline = "bench" + UUID.randomUUID().toString().substring(0, 8);
        AgroalDataSource dataSource = dataSource(database);
        BatchStore store = new BatchStore(dataSource);
        AtomicLong batchedRows = new AtomicLong();
        CamelContext camel = batchRoute(pipeline, store, batchedRows);
        try {
            ProducerTemplate producer = camel.createProducerTemplate();
            long started = System.nanoTime();
            if (perRow) {
                handOnPerRow(pipeline, store, producer, input, rows);
            } else {
                handOnChunked(pipeline, store, producer, input, rows);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            camel.stop();
            if (batchedRows.get() != rows.size()) {
                throw new IllegalStateException("Batches hold " + batchedRows.get() + " of " + rows.size() + " rows");
            }
            return rows.size() / seconds;
        } finally {
            camel.stop();
            dropTables(dataSource, pipeline);
            dataSource.close();
        }
    }

    /** The hand-over before chunking: each row joins its batch in its own transaction with the progress. */
    private static void handOnPerRow(String pipeline, BatchStore store, ProducerTemplate producer, String input,
                                     List<BatchHandOver.Row> rows) {
        for (BatchHandOver.Row row : rows) {
            store.inTransaction(() -> {
                Exchange sent = producer.send("direct:" + pipeline + "-batch", one -> {
                    one.getMessage().setBody(row.json());
                    one.getMessage().setHeader(BatchHeaders.SOURCE_FILE, input);
                    one.getMessage().setHeader(BatchHeaders.SOURCE_LINE, row.line());
                });
                if (sent.getException() != null) {
                    throw new IllegalStateException("Row " + row.line() + " failed", sent.getException());
                }
                store.recordHanded(pipeline, input, row.position());
                return null;
            });
        }
    }

    /** The app's hand-over: rows read ahead a chunk at a time, each chunk handed on as the split does. */
    private void handOnChunked(String pipeline, BatchStore store, ProducerTemplate producer, String input,
                               List<BatchHandOver.Row> rows) {
        BatchHandOver handOver = new BatchHandOver(pipeline, "direct:" + pipeline + "-batch", strategy(pipeline),
                store, producer);
        for (int from = 0; from < rows.size(); from += RowChunks.ROWS) {
            handOver.handOn(input, input, rows.subList(from, Math.min(rows.size(), from + RowChunks.ROWS)));
        }
    }

    /** The app's batch route, minus the trigger: a completed batch's rows are counted. */
    private CamelContext batchRoute(String pipeline, BatchStore store, AtomicLong batchedRows) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + pipeline + "-batch")
                        .aggregate(constant(pipeline), strategy(pipeline))
                            .aggregationRepository(store.aggregationRepository(pipeline, 5000))
                            .completionTimeout(10_000)
                            .forceCompletionOnStop()
                            .process(batch -> batchedRows.addAndGet(
                                    batch.getMessage().getHeader(BatchHeaders.ROW_COUNT, Integer.class)))
                        .end();
            }
        });
        camel.start();
        return camel;
    }

    private BatchAggregationStrategy strategy(String pipeline) {
        return new BatchAggregationStrategy(pipeline, maxRows, maxBytes);
    }

    private static List<BatchHandOver.Row> rows(Path csv) throws Exception {
        List<BatchHandOver.Row> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                     .parse(reader)) {
            for (CSVRecord record : parser) {
                rows.add(new BatchHandOver.Row(JSON.writeValueAsString(record.toMap()),
                        parser.getCurrentLineNumber(), rows.size() + 1L));
            }
        }
        return rows;
    }

    /** A pool, as the app's Agroal datasource: a connection per transaction would measure connecting instead. */
    private static AgroalDataSource dataSource(String database) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/test";
        String user = "postgres";
        Class<?> driver = org.postgresql.Driver.class;
        if (!database.equals("postgres")) {
            driver = org.h2.Driver.class;
            Path directory = Files.createTempDirectory("handover-h2");
            url = "jdbc:h2:file:" + directory.resolve("state").toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
            user = "sa";
        }
        String jdbcUrl = url;
        Class<?> jdbcDriver = driver;
        NamePrincipal principal = new NamePrincipal(user);
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(8)
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(jdbcUrl).principal(principal)
                                .connectionProviderClass(jdbcDriver))));
    }

    private static void dropTables(DataSource dataSource, String pipeline) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String table = "s64_batch_" + pipeline;
        jdbc.execute("DROP TABLE IF EXISTS " + table);
        jdbc.execute("DROP TABLE IF EXISTS " + table + "_completed");
        jdbc.update("DELETE FROM s64_source_progress WHERE pipeline = ?", pipeline);
    }

    private static String spread(List<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "median %.1f (min %.1f, max %.1f)", sorted.get(sorted.size() / 2), min, max);
    }
}
