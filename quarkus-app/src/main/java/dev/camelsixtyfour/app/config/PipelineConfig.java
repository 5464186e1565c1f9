package dev.camelsixtyfour.app.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** One pipeline: a source, a format, a mapping, a target workflow, batching rules and where results go. */
public interface PipelineConfig {

    /** A disabled pipeline builds no routes. */
    @WithDefault("true")
    boolean enabled();

    /** The Sixtyfour workflow that receives the rows; its webhook source block's input_schema validates them. */
    @WithName("workflow-id")
    String workflowId();

    SourceConfig source();

    FormatConfig format();

    MappingConfig mapping();

    BatchConfig batch();

    OutputConfig output();

    /** How results are awaited once a run is triggered. */
    RunConfig run();

    interface SourceConfig {

        /**
         * {@code file} (a local inbox folder), {@code sftp}, {@code http} (records POSTed to /ingest/{pipeline}),
         * {@code jms} (an Artemis queue over the CORE protocol), {@code amqp} (a queue over AMQP 1.0),
         * {@code rabbitmq} (a RabbitMQ quorum queue over AMQP 0-9-1), {@code kafka} (a Kafka topic, see
         * {@link KafkaConfig}) or {@code mail} (the attachments of mails in an IMAP or IMAPS folder).
         */
        @WithDefault("file")
        SourceType type();

        /**
         * The folder to watch: a local path for {@code file}, a path on the server for {@code sftp}; required by
         * those two kinds, unused by the others.
         */
        Optional<String> directory();

        /**
         * How long a file's size and modification time must stay unchanged before it is read: the guard against
         * reading a file that is still being written (Camel's {@code readLock=changed}).
         */
        @WithName("stable-for")
        @WithDefault("1s")
        Duration stableFor();

        /** How often the folder is listed. */
        @WithName("poll-interval")
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Optional done-file convention: when set (e.g. {@code {name}.done}, see DoneFileName), a file is read only
         * once its done file exists, whatever its timestamps say.
         */
        @WithName("done-file-name")
        Optional<String> doneFileName();

        /** Regular expression of the file names to read; names starting with a dot or ending in .part/.tmp never are. */
        @WithDefault(".*\\.(csv|CSV|json|JSON|ndjson|NDJSON|jsonl|txt)")
        String include();

        SftpConfig sftp();

        /** The queue of a {@code jms} or {@code amqp} source. */
        QueueConfig queue();

        /** The topic of a {@code kafka} source. */
        KafkaConfig kafka();

        /** The queue of a {@code rabbitmq} source. */
        RabbitMqConfig rabbitmq();

        /** The mailbox of a {@code mail} source. */
        MailConfig mail();
    }

    enum SourceType {
        FILE,
        SFTP,
        HTTP,
        JMS,
        AMQP,
        KAFKA,
        RABBITMQ,
        MAIL;

        /** True for the kinds that watch a folder: their files go through the source and parse routes. */
        public boolean folder() {
            return this == FILE || this == SFTP;
        }
    }

    interface SftpConfig {

        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("22")
        int port();

        @WithDefault("sixtyfour")
        String username();

        /** Password; prefer a private key. Set through an environment variable. */
        Optional<String> password();

        @WithName("private-key-file")
        Optional<String> privateKeyFile();

        /** The known_hosts file holding the server's host key. */
        @WithName("known-hosts-file")
        @WithDefault("${user.home}/.ssh/known_hosts")
        String knownHostsFile();

        /** Host keys are verified against known_hosts unless this is explicitly set to false. */
        @WithName("strict-host-key-checking")
        @WithDefault("true")
        boolean strictHostKeyChecking();
    }

    interface FormatConfig {

        @WithDefault("csv")
        FormatType type();

        /** CSV delimiter: {@code auto} (detected from the header row among , ; tab |), or the character itself. */
        @WithDefault("auto")
        String delimiter();

        /** Character set of the files, e.g. UTF-8, windows-1252, ISO-8859-1; a UTF-8 byte order mark is skipped. */
        @WithDefault("UTF-8")
        String charset();
    }

    enum FormatType {
        CSV,
        JSON,
        NDJSON
    }

    interface MappingConfig {

        /** Workflow column → source column; when empty, every source column passes under its own name. */
        Map<String, String> columns();

        /** Workflow column → constant value added to every row. */
        Map<String, String> constants();

        /** Trim leading and trailing spaces from every value. */
        @WithDefault("true")
        boolean trim();

        /** Also pass source columns that {@code columns} does not name (ignored when {@code columns} is empty). */
        @WithName("keep-unmapped")
        @WithDefault("false")
        boolean keepUnmapped();

        /** Columns to require besides those the workflow's input_schema marks required. */
        @WithName("required")
        Optional<List<String>> required();
    }

    interface BatchConfig {

        /** A batch completes when it holds this many rows. */
        @WithName("max-rows")
        @WithDefault("100")
        int maxRows();

        /** A batch completes before its JSON payload would grow past this many bytes. */
        @WithName("max-bytes")
        @WithDefault("1000000")
        long maxBytes();

        /** A batch completes when no row has joined it for this long. */
        @WithName("idle-timeout")
        @WithDefault("10s")
        Duration idleTimeout();

        /** How often a batch whose trigger failed for a passing reason (429, 5xx, unreachable) is tried again. */
        @WithName("retry-interval")
        @WithDefault("5s")
        Duration retryInterval();

        /** How many batches of this pipeline may be in flight (triggered and awaited) at once. */
        @WithDefault("2")
        int concurrency();
    }

    interface OutputConfig {

        /** Folder of results, manifest, rejected rows and dead letters; defaults to {@code <data-directory>/<name>}. */
        Optional<String> directory();

        /** Result file formats written per batch. */
        @WithDefault("ndjson,csv")
        List<ResultFormat> formats();

        /** Where the results are delivered after the outbox copy; the outbox alone by default. */
        SinkConfig sink();
    }

    enum ResultFormat {
        NDJSON,
        CSV
    }

    interface RunConfig {

        /** How often a triggered run's status is polled; the service's guidance is every 5-10 s. */
        @WithName("poll-interval")
        @WithDefault("5s")
        Duration pollInterval();

        /** How long a run may take before its batch is retried later (the same Idempotency-Key finds the same run). */
        @WithDefault("30m")
        Duration timeout();

        /** {@code await} (poll the run) or {@code webhook} (the workflow's outgoing_webhook pushes the results). */
        @WithDefault("await")
        RunArrival arrival();
    }
}
