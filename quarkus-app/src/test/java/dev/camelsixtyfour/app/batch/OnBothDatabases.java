package dev.camelsixtyfour.app.batch;

import java.util.UUID;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.camelsixtyfour.app.support.StateDatabases;

/**
 * Tests run on both databases the batch repository supports ({@link StateDatabases}). Each test uses its own
 * pipeline name, so its own tables, and drops them afterwards.
 */
abstract class OnBothDatabases {

    /** The {@code @MethodSource} of the two databases: {@link StateDatabases#both()}. */
    static final String DATABASES = "dev.camelsixtyfour.app.support.StateDatabases#both";

    protected final String pipeline = "t" + UUID.randomUUID().toString().substring(0, 8);
    protected CamelContext camel;
    private DataSource lastDataSource;

    @AfterEach
    void dropTables() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (lastDataSource != null) {
            JdbcTemplate jdbc = new JdbcTemplate(lastDataSource);
            jdbc.execute("DROP TABLE IF EXISTS " + BatchStore.tableName(pipeline));
            jdbc.execute("DROP TABLE IF EXISTS " + BatchStore.tableName(pipeline) + "_completed");
            jdbc.update("DELETE FROM s64_source_progress WHERE pipeline = ?", pipeline);
        }
    }

    /** Notes the test's database, so its tables are dropped afterwards. */
    protected DataSource use(DataSource dataSource) {
        lastDataSource = dataSource;
        return dataSource;
    }
}
