package dev.camelsixtyfour.app.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The mailbox a {@code mail} source polls over IMAP or IMAPS: each mail's CSV, JSON and NDJSON attachments (and,
 * when asked, a body of {@code key: value} lines) become rows. A mail is marked processed only once its rows are
 * stored; a mail that cannot be read moves to the quarantine folder with its reason.
 */
public interface MailConfig {

    @WithDefault("imaps")
    MailProtocol protocol();

    /** The IMAP server's host name; required by a mail source. */
    Optional<String> host();

    /** Defaults to 143 for {@code imap}, 993 for {@code imaps}. */
    Optional<Integer> port();

    Optional<String> username();

    /** Set through an environment variable, e.g. {@code ${ORDERS_MAIL_PASSWORD}}. */
    Optional<String> password();

    /** The folder to read. */
    @WithDefault("INBOX")
    String folder();

    /** How often the folder is searched for unseen mails. */
    @WithName("poll-interval")
    @WithDefault("30s")
    Duration pollInterval();

    /** Mails read in one poll at most; the rest wait for the next poll. */
    @WithName("max-messages-per-poll")
    @WithDefault("50")
    int maxMessagesPerPoll();

    /** What becomes of a mail once its rows are stored: flagged {@code seen}, {@code delete}d or {@code move}d. */
    @WithName("processed-action")
    @WithDefault("seen")
    ProcessedAction processedAction();

    /** The folder processed mails move to with {@code processed-action: move}; created when missing. */
    @WithName("processed-folder")
    @WithDefault("Processed")
    String processedFolder();

    /** The folder unreadable mails move to, each with an {@code X-Sixtyfour-Quarantine-Reason} header. */
    @WithName("quarantine-folder")
    @WithDefault("Quarantine")
    String quarantineFolder();

    /**
     * Senders whose mails are read: whole addresses ({@code erp@example.com}) or domains ({@code @example.com}),
     * case-insensitive. When empty every sender is read; a mail from anyone else is quarantined.
     */
    @WithName("allowed-senders")
    Optional<List<String>> allowedSenders();

    /**
     * Whether a mail without a usable attachment may carry one record in its text body, one {@code key: value}
     * per line.
     */
    @WithName("body-records")
    @WithDefault("false")
    boolean bodyRecords();

    /**
     * Extensions of the attachments read as records: {@code csv} (with the pipeline's format settings),
     * {@code json}, {@code ndjson} and {@code jsonl}. Other attachments (a signature logo) are passed over.
     */
    @WithName("attachment-extensions")
    @WithDefault("csv,json,ndjson,jsonl")
    List<String> attachmentExtensions();

    /** How an {@code imaps} server's certificate is checked. */
    MailTrustConfig trust();

    enum MailProtocol {
        IMAP,
        IMAPS
    }

    enum ProcessedAction {
        SEEN,
        DELETE,
        MOVE
    }

    /**
     * Without a truststore the JVM's own trusted authorities decide. Trusting every certificate takes an explicit
     * {@code trust-all: true}, which the app warns about at start.
     */
    interface MailTrustConfig {

        /** A truststore holding the server's certificate or its authority. */
        @WithName("truststore-file")
        Optional<String> truststoreFile();

        @WithName("truststore-password")
        Optional<String> truststorePassword();

        @WithName("truststore-type")
        @WithDefault("PKCS12")
        String truststoreType();

        /** Whether the certificate must name the host connected to. */
        @WithName("check-server-identity")
        @WithDefault("true")
        boolean checkServerIdentity();

        /** Accepts any certificate from any host: for a test server only. */
        @WithName("trust-all")
        @WithDefault("false")
        boolean trustAll();
    }
}
