package dev.camelsixtyfour.emulator;

import java.time.Duration;

/**
 * Identifiers of the bundled fixture workflows and the emulator's own demo credentials.
 * <p>
 * The demo key is the emulator's, not a Sixtyfour secret: it may be printed and committed.
 */
public final class EmulatorDefaults {

    /** The key accepted when a builder configures none; owned by {@link #DEFAULT_ORG_ID}. */
    public static final String DEFAULT_API_KEY = "sixtyfour-emulator-demo-key";

    /** The organisation behind {@link #DEFAULT_API_KEY}. */
    public static final String DEFAULT_ORG_ID = "org-emulator";

    /** The organisation that owns {@link #OTHER_ORG_WORKFLOW_ID}. */
    public static final String OTHER_ORG_ID = "org-other";

    /** A key of {@link #OTHER_ORG_ID}, accepted only when a builder configures no keys. */
    public static final String OTHER_ORG_API_KEY = "sixtyfour-emulator-other-org-key";

    /** Companies: webhook source (symbol and name required, dataframe COMPANY), then company_enrichment. */
    public static final String COMPANY_WORKFLOW_ID = "5f0c1a52-8d0e-4c71-9a3e-000000000c01";

    /** Leads: webhook source whose {@code email} column is required, then lead_enrichment and find_phone. */
    public static final String LEAD_WORKFLOW_ID = "5f0c1a52-8d0e-4c71-9a3e-000000000c02";

    /** People without emails: webhook source (name and company required), then find_email. */
    public static final String FIND_EMAIL_WORKFLOW_ID = "5f0c1a52-8d0e-4c71-9a3e-000000000c03";

    /** A read_csv source: it refuses {@code webhook_payload}. */
    public static final String READ_CSV_WORKFLOW_ID = "5f0c1a52-8d0e-4c71-9a3e-000000000c04";

    /** Companies enriched, then pushed to an {@code outgoing_webhook} block. */
    public static final String OUTGOING_WEBHOOK_WORKFLOW_ID = "5f0c1a52-8d0e-4c71-9a3e-000000000c05";

    /** Fails in its second block, after the source block completed. */
    public static final String FAILING_WORKFLOW_ID = "5f0c1a52-8d0e-4c71-9a3e-000000000c06";

    /** Owned by {@link #OTHER_ORG_ID}: keys of any other organisation get 403. */
    public static final String OTHER_ORG_WORKFLOW_ID = "5f0c1a52-8d0e-4c71-9a3e-000000000c07";

    /** The classpath resource holding the bundled workflows. */
    public static final String FIXTURES_RESOURCE = "/dev/camelsixtyfour/emulator/workflows.yaml";

    /** How long each block of a run takes unless the builder says otherwise. */
    public static final Duration DEFAULT_RUN_STEP_DURATION = Duration.ofMillis(500);

    /** The largest request body accepted before answering 413. */
    public static final long DEFAULT_BODY_LIMIT_BYTES = 10L * 1024 * 1024;

    /** Outputs with more rows than this are not inlined in results or webhook bodies. */
    public static final int DEFAULT_INLINE_ROW_LIMIT = 1_000;

    /** The validity of a result download URL. */
    public static final Duration DEFAULT_DOWNLOAD_EXPIRY = Duration.ofSeconds(900);

    /** How long an {@code Idempotency-Key} keeps answering with its first run. */
    public static final Duration IDEMPOTENCY_KEY_RETENTION = Duration.ofHours(24);

    /** The first wait between two webhook delivery attempts; it doubles on each retry. */
    public static final Duration DEFAULT_WEBHOOK_RETRY_BACKOFF = Duration.ofSeconds(1);

    /** Retries after the first failed delivery attempt. */
    public static final int WEBHOOK_MAX_RETRIES = 5;

    /** The port the runnable listens on unless told otherwise. */
    public static final int DEFAULT_RUNNABLE_PORT = 8064;

    private EmulatorDefaults() {
    }
}
