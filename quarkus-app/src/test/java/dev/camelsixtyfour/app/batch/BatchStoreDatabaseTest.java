package dev.camelsixtyfour.app.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The batch repository on both databases the app supports ({@link OnBothDatabases}). */
class BatchStoreDatabaseTest extends OnBothDatabases {

    /** The idle timeout is stored with the open batch; the restarted aggregator restores it. */
    private static final Duration RESTORED_IDLE = Duration.ofSeconds(3);


    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void anOpenBatchSurvivesARestartAndCompletesWithAllItsRows(String database, DataSource dataSource)
            throws Exception {
        List<Exchange> completed = new CopyOnWriteArrayList<>();
        camel = batching(new BatchStore(use(dataSource)), RESTORED_IDLE, completed);
        ProducerTemplate producer = camel.createProducerTemplate();
        for (int line = 2; line <= 4; line++) {
            assertThat(producer.send("direct:batch", rowAt(line)).getException()).isNull();
        }
        camel.stop();
        assertThat(completed).isEmpty();

        camel = batching(new BatchStore(dataSource), RESTORED_IDLE, completed);

        await().atMost(Duration.ofSeconds(20)).until(() -> completed.size() == 1);
        Exchange batch = completed.get(0);
        assertThat(batch.getMessage().getHeader(BatchHeaders.ROW_COUNT, Integer.class)).isEqualTo(3);
        assertThat(batch.getMessage().getBody(String.class).lines()).hasSize(3);
        assertThat(batch.getMessage().getHeader(BatchHeaders.SOURCES, String.class)).isEqualTo("f.csv\t2\t4");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void aRowAndItsFileProgressCommitOrRollBackTogether(String database, DataSource dataSource) throws Exception {
        BatchStore store = new BatchStore(use(dataSource));
        camel = batching(store, Duration.ofMinutes(10), new CopyOnWriteArrayList<>());
        ProducerTemplate producer = camel.createProducerTemplate();

        store.inTransaction(() -> {
            assertThat(producer.send("direct:batch", rowAt(2)).getException()).isNull();
            store.recordHanded(pipeline, "f.csv|10|1", 2);
            return null;
        });
        assertThatThrownBy(() -> store.inTransaction(() -> {
            producer.send("direct:batch", rowAt(3));
            store.recordHanded(pipeline, "f.csv|10|1", 3);
            throw new IllegalStateException("crash between two rows");
        })).hasMessageContaining("crash");

        assertThat(store.handedUpTo(pipeline, "f.csv|10|1")).isEqualTo(2);
        Exchange open = store.aggregationRepository(pipeline, 1000).get(camel, pipeline);
        assertThat(open.getMessage().getHeader(BatchHeaders.ROW_COUNT, Integer.class)).isEqualTo(1);
    }

    private CamelContext batching(BatchStore store, Duration idle, List<Exchange> completed) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch")
                        .aggregate(constant(pipeline), new BatchAggregationStrategy(pipeline, 100, 1_000_000))
                            .aggregationRepository(store.aggregationRepository(pipeline, 500))
                            .completionTimeout(idle.toMillis())
                            .process(completed::add);
            }
        });
        context.start();
        return context;
    }

    private static Processor rowAt(long line) {
        return exchange -> {
            exchange.getMessage().setBody("{\"symbol\":\"S" + line + "\"}");
            exchange.getMessage().setHeader(BatchHeaders.SOURCE_FILE, "f.csv");
            exchange.getMessage().setHeader(BatchHeaders.SOURCE_LINE, line);
        };
    }
}
