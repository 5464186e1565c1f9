package dev.camelsixtyfour.app.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows handed on in chunks keep the batch limits and the source order, on both databases ({@link OnBothDatabases}). */
class BatchHandOverChunksTest extends OnBothDatabases {

    private static final String FILE = "f.csv";
    private static final String FILE_KEY = "f.csv|1|1";
    private static final int MAX_ROWS = 100;
    /** {"symbol":"S0002"} plus its newline. */
    private static final long ROW_BYTES = 19;

    private final List<Exchange> completed = new CopyOnWriteArrayList<>();
    private BatchStore store;

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void rowsBeyondMaxRowsFillWholeBatchesInSourceOrder(String database, DataSource dataSource) throws Exception {
        BatchHandOver handOver = handOver(dataSource, 1_000_000);

        handOver.handOn(FILE, FILE_KEY, rows(1, 250));

        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() == 2);
        assertThat(completed).extracting(batch -> batch.getMessage().getHeader(BatchHeaders.SOURCES, String.class))
                .containsExactly("f.csv\t2\t101", "f.csv\t102\t201");
        assertThat(openBatchRows()).isEqualTo(50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aChunkTopsUpAPartlyFilledBatchBeforeStartingTheNext(String database, DataSource dataSource)
            throws Exception {
        BatchHandOver handOver = handOver(dataSource, 1_000_000);
        handOver.handOn(FILE, FILE_KEY, rows(1, 30));

        handOver.handOn(FILE, FILE_KEY, rows(31, 130));

        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() == 1);
        assertThat(completed.get(0).getMessage().getHeader(BatchHeaders.ROW_COUNT, Integer.class))
                .isEqualTo(MAX_ROWS);
        assertThat(openBatchRows()).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aChunkStopsAtTheByteLimit(String database, DataSource dataSource) throws Exception {
        long maxBytes = BatchAggregationStrategy.EMPTY_BATCH_BYTES + 10 * ROW_BYTES;
        BatchHandOver handOver = handOver(dataSource, maxBytes);

        handOver.handOn(FILE, FILE_KEY, rows(1, 25));

        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() == 2);
        assertThat(completed).extracting(batch -> batch.getMessage().getHeader(BatchHeaders.BYTE_COUNT, Long.class))
                .containsExactly(maxBytes, maxBytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void theSourceProgressReachesTheLastRowHandedOn(String database, DataSource dataSource) throws Exception {
        BatchHandOver handOver = handOver(dataSource, 1_000_000);

        handOver.handOn(FILE, FILE_KEY, rows(1, 250));

        assertThat(store.handedUpTo(pipeline, FILE_KEY)).isEqualTo(250);
    }

    private BatchHandOver handOver(DataSource dataSource, long maxBytes) throws Exception {
        store = new BatchStore(use(dataSource));
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch")
                        .aggregate(constant(pipeline), new BatchAggregationStrategy(pipeline, MAX_ROWS, maxBytes))
                            .aggregationRepository(store.aggregationRepository(pipeline, 500))
                            .completionTimeout(Duration.ofMinutes(10).toMillis())
                            .process(completed::add);
            }
        });
        camel.start();
        return new BatchHandOver(pipeline, "direct:batch", new BatchAggregationStrategy(pipeline, MAX_ROWS, maxBytes),
                store, camel.createProducerTemplate());
    }

    private int openBatchRows() {
        return store.openBatch(pipeline, camel).getMessage().getHeader(BatchHeaders.ROW_COUNT, Integer.class);
    }

    /** Rows at positions {@code first} to {@code last}, each on line position + 1 (below a header). */
    private static List<BatchHandOver.Row> rows(long first, long last) {
        List<BatchHandOver.Row> rows = new ArrayList<>();
        for (long position = first; position <= last; position++) {
            rows.add(new BatchHandOver.Row(String.format("{\"symbol\":\"S%04d\"}", position + 1), position + 1,
                    position));
        }
        return rows;
    }
}
