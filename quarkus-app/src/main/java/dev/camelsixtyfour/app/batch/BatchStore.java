package dev.camelsixtyfour.app.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.camelsixtyfour.app.config.SixtyfourAppConfig;

/**
 * The app's durable state, in one JDBC database (embedded H2 file by default, PostgreSQL by configuration): each
 * pipeline's aggregation repository (open and completed batches), the processed-files repository, and how far each
 * file has been handed to its batches. One transaction manager serves them all, so a row joining a batch and the
 * file's progress commit together.
 */
@ApplicationScoped
public class BatchStore {

    private static final Logger LOG = LoggerFactory.getLogger(BatchStore.class);
    private static final String PROCESSED_FILES = "CAMEL_MESSAGEPROCESSED";

    private final DataSource dataSource;
    private final DataSourceTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final ConcurrentMap<String, JdbcAggregationRepository> repositories = new ConcurrentHashMap<>();

    @Inject
    public BatchStore(SixtyfourAppConfig config, @Any Instance<AgroalDataSource> dataSources) {
        this(select(dataSources, config.store().datasource()));
    }

    public BatchStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.transactionManager = new DataSourceTransactionManager(dataSource);
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = isPostgres(dataSource);
        createSharedTables();
    }

    /** The aggregation repository of one pipeline, its tables created on first use. */
    public JdbcAggregationRepository aggregationRepository(String pipeline, long retryIntervalMillis) {
        return repositories.computeIfAbsent(pipeline, name -> newAggregationRepository(name, retryIntervalMillis));
    }

    /**
     * The pipeline's open batch as stored (read inside the caller's transaction, if any), or null when none is open.
     * Its correlation key is the pipeline name, as the batch route aggregates by {@code constant(pipeline)}.
     */
    public Exchange openBatch(String pipeline, CamelContext camel) {
        JdbcAggregationRepository repository = repositories.get(pipeline);
        if (repository == null) {
            throw new IllegalStateException("Pipeline " + pipeline + " has no aggregation repository yet");
        }
        return repository.get(camel, pipeline);
    }

    public JdbcMessageIdRepository processedFiles(String pipeline) {
        return new JdbcMessageIdRepository(dataSource, transactionTemplate(), pipeline + "-files");
    }

    /** Runs {@code work} in one transaction that the aggregation repository's own statements join. */
    public <T> T inTransaction(Supplier<T> work) {
        return transactionTemplate().execute(status -> work.get());
    }

    /** How many rows of {@code fileKey}, in file order, were already handed to a batch (or rejected); 0 when none. */
    public long handedUpTo(String pipeline, String fileKey) {
        return jdbc.query("SELECT handed_rows FROM s64_source_progress WHERE pipeline = ? AND file_key = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, pipeline, fileKey);
    }

    public void recordHanded(String pipeline, String fileKey, long rows) {
        int updated = jdbc.update("UPDATE s64_source_progress SET handed_rows = ? WHERE pipeline = ? AND file_key = ?",
                rows, pipeline, fileKey);
        if (updated == 0) {
            jdbc.update("INSERT INTO s64_source_progress (pipeline, file_key, handed_rows) VALUES (?, ?, ?)",
                    pipeline, fileKey, rows);
        }
    }

    /** Open plus completed-but-unconfirmed batches of a pipeline: work the app still owes. */
    public int pendingBatches(String pipeline) {
        String table = tableName(pipeline);
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
        Integer completed = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + "_completed", Integer.class);
        return open + completed;
    }

    /** Writes and removes a marker row: true when the repository database accepts writes. */
    public boolean writable() {
        try {
            return inTransaction(() -> {
                jdbc.update("INSERT INTO s64_health_probe (probe) VALUES (?)", "readiness");
                jdbc.update("DELETE FROM s64_health_probe WHERE probe = ?", "readiness");
                return true;
            });
        } catch (RuntimeException e) {
            LOG.warn("Batch repository is not writable: {}", e.getMessage());
            return false;
        }
    }

    /** The state database, for other durable records kept beside the batches (e.g. runs awaiting a webhook). */
    public DataSource dataSource() {
        return dataSource;
    }

    public String databaseProduct() {
        return postgres ? "PostgreSQL" : "H2";
    }

    private JdbcAggregationRepository newAggregationRepository(String pipeline, long retryIntervalMillis) {
        String table = tableName(pipeline);
        createAggregationTable(table);
        createAggregationTable(table + "_completed");
        // The generic repository on both databases: camel-sql 4.14.0's PostgresAggregationRepository binds three
        // parameters to its two-column INSERT ... ON CONFLICT and fails every add. Adds of one pipeline are
        // serialised by its aggregator, so the generic insert-or-update needs no ON CONFLICT.
        JdbcAggregationRepository repository = new JdbcAggregationRepository(transactionManager, table, dataSource);
        repository.setUseRecovery(true);
        repository.setRecoveryInterval(retryIntervalMillis, TimeUnit.MILLISECONDS);
        return repository;
    }

    private void createSharedTables() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS s64_source_progress (pipeline VARCHAR(200) NOT NULL, "
                + "file_key VARCHAR(2000) NOT NULL, handed_rows BIGINT NOT NULL, PRIMARY KEY (pipeline, file_key))");
        jdbc.execute("CREATE TABLE IF NOT EXISTS s64_health_probe (probe VARCHAR(50) NOT NULL)");
        // The Camel default sizes messageId at 100 characters: too short for name|size|mtime keys of long file names.
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + PROCESSED_FILES + " (processorName VARCHAR(255) NOT NULL, "
                + "messageId VARCHAR(2000) NOT NULL, createdAt TIMESTAMP)");
    }

    private void createAggregationTable(String table) {
        String blob = postgres ? "BYTEA" : "BLOB";
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " (id VARCHAR(255) NOT NULL, exchange " + blob
                + " NOT NULL, version BIGINT NOT NULL, CONSTRAINT " + table + "_pk PRIMARY KEY (id))");
    }

    private TransactionTemplate transactionTemplate() {
        return new TransactionTemplate(transactionManager);
    }

    static String tableName(String pipeline) {
        return "s64_batch_" + pipeline.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    private static DataSource select(Instance<AgroalDataSource> dataSources, String name) {
        if (DataSourceUtil.isDefault(name)) {
            return dataSources.select(Default.Literal.INSTANCE).get();
        }
        return dataSources.select(new DataSourceLiteral(name)).get();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the batch repository database: " + e.getMessage(), e);
        }
    }
}
