package dev.camelsixtyfour.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.provider.Arguments;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two databases the app keeps its state in, as test arguments (name, DataSource): a fresh embedded H2 file
 * database, and PostgreSQL on 127.0.0.1:5432 (database test, user postgres, trust auth; CI starts it).
 */
public final class StateDatabases {

    private StateDatabases() {
    }

    public static Stream<Arguments> both() throws IOException {
        Path h2 = Files.createTempDirectory("state-h2");
        JdbcDataSource embedded = new JdbcDataSource();
        embedded.setURL("jdbc:h2:file:" + h2.resolve("state").toAbsolutePath());
        embedded.setUser("sa");
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL("jdbc:postgresql://127.0.0.1:5432/test");
        postgres.setUser("postgres");
        return Stream.of(Arguments.of("H2", embedded), Arguments.of("PostgreSQL", postgres));
    }
}
