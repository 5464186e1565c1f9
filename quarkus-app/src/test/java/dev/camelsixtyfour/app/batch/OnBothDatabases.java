package dev.camelsixtyfour.app.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.provider.Arguments;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tests run on both databases the batch repository supports: the embedded H2 file database and PostgreSQL
 * (127.0.0.1:5432, database test, user postgres, trust auth; CI starts it). Each test uses its own pipeline name, so
 * its own tables, and drops them afterwards.
 */
abstract class OnBothDatabases {

    static final String DATABASES = "dev.camelsixtyfour.app.batch.OnBothDatabases#databases";

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

    static Stream<Arguments> databases() throws Exception {
        Path h2 = Files.createTempDirectory("batch-store-h2");
        JdbcDataSource embedded = new JdbcDataSource();
        embedded.setURL("jdbc:h2:file:" + h2.resolve("state").toAbsolutePath());
        embedded.setUser("sa");
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL("jdbc:postgresql://127.0.0.1:5432/test");
        postgres.setUser("postgres");
        return Stream.of(Arguments.of("H2", embedded), Arguments.of("PostgreSQL", postgres));
    }
}
