package dev.camelsixtyfour.app.arrival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.camelsixtyfour.app.batch.BatchStore;

/**
 * The runs awaiting a webhook, on both databases the app supports (embedded H2; PostgreSQL on 127.0.0.1:5432,
 * database test, user postgres): a run is taken once, whether by its delivery, a duplicate or the overdue poll.
 */
class AwaitedRunsDatabaseTest {

    private final String pipeline = "p" + UUID.randomUUID().toString().substring(0, 8);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.camelsixtyfour.app.support.StateDatabases#both")
    void aDeliveredRunIsTakenOnceAndNotPolled(String database, DataSource dataSource) {
        AwaitedRuns runs = new AwaitedRuns(new BatchStore(dataSource));
        AwaitedRun run = run();
        assertThat(runs.remember(run, 0)).isTrue();

        assertThat(runs.claimDelivered(run.jobId())).contains(run);
        assertThat(runs.claimDelivered(run.jobId())).isEmpty();
        assertThat(runs.claimOverdue(pipeline, System.currentTimeMillis())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.camelsixtyfour.app.support.StateDatabases#both")
    void anOverdueRunIsPolledOnceAndItsLateDeliveryIgnored(String database, DataSource dataSource) {
        AwaitedRuns runs = new AwaitedRuns(new BatchStore(dataSource));
        AwaitedRun run = run();
        runs.remember(run, System.currentTimeMillis() - 1);

        assertThat(runs.claimOverdue(pipeline, System.currentTimeMillis())).containsExactly(run);
        assertThat(runs.claimOverdue(pipeline, System.currentTimeMillis())).isEmpty();
        assertThat(runs.claimDelivered(run.jobId())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.camelsixtyfour.app.support.StateDatabases#both")
    void aRunRememberedTwiceKeepsItsFirstRecord(String database, DataSource dataSource) {
        AwaitedRuns runs = new AwaitedRuns(new BatchStore(dataSource));
        AwaitedRun run = run();
        runs.remember(run, 0);
        runs.claimDelivered(run.jobId());
        runs.finished(run.jobId());

        assertThat(runs.remember(run, 0)).isFalse();
        assertThat(runs.state(run.jobId())).contains(AwaitedRuns.DONE);
    }

    private AwaitedRun run() {
        return new AwaitedRun(UUID.randomUUID().toString(), pipeline, pipeline + "-batch-1", 2,
                "in.csv\t2\t3", "{\"symbol\":\"AAPL\"}\n{\"symbol\":\"MSFT\"}\n");
    }
}
