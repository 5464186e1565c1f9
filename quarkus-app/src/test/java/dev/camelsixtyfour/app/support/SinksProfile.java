package dev.camelsixtyfour.app.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import dev.camelsixtyfour.emulator.EmulatorDefaults;

/**
 * Pipelines fed by HTTP ingest (S&P 500 rows), one per destination of results: an SFTP folder, an Artemis queue
 * over CORE, one over AMQP 1.0, an HTTP callback; and two whose results arrive by webhook: {@code pushed} (the
 * outgoing-webhook workflow, results POSTed on to the callback) and {@code late} (a workflow that never pushes, so
 * the overdue poll finishes its runs).
 */
public class SinksProfile implements QuarkusTestProfile {

    public static final String SFTP = "sftp-out";
    public static final String JMS = "jms-out";
    public static final String AMQP = "amqp-out";
    public static final String HTTP = "http-out";
    public static final String PUSHED = "pushed";
    public static final String LATE = "late";
    public static final String SFTP_FOLDER = "enriched";
    public static final String CORE_QUEUE = "enriched.core";
    public static final String AMQP_QUEUE = "enriched.amqp";
    public static final String CALLBACK_TOKEN = "test-callback-token-91c2";
    public static final String WEBHOOK_PATH = "/sixtyfour/webhook";
    public static final int ATTEMPTS = 3;
    public static final String LATE_TIMEOUT = "4s";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("sixtyfour.ingest.token", SourcesProfile.INGEST_TOKEN);
        config.put("sixtyfour.webhook.path", WEBHOOK_PATH);
        config.put("sixtyfour.webhook.signing-secret", "${sixtyfour-test.signing-secret}");
        config.put("sixtyfour.webhook.overdue-check-interval", "500ms");

        String sftp = pipeline(config, SFTP, EmulatorDefaults.COMPANY_WORKFLOW_ID) + "output.sink.";
        config.put(sftp + "type", "sftp");
        config.put(sftp + "sftp.port", "${sixtyfour-test.sftp-port}");
        config.put(sftp + "sftp.username", SftpServerResource.USER);
        config.put(sftp + "sftp.password", SftpServerResource.PASSWORD);
        config.put(sftp + "sftp.known-hosts-file", "${sixtyfour-test.known-hosts}");
        config.put(sftp + "sftp.directory", SFTP_FOLDER);

        queueSink(config, JMS, "jms", CORE_QUEUE, "${sixtyfour-test.core-url}");
        queueSink(config, AMQP, "amqp", AMQP_QUEUE, "${sixtyfour-test.amqp-url}");
        callbackSink(config, pipeline(config, HTTP, EmulatorDefaults.COMPANY_WORKFLOW_ID), HTTP, "json");

        String pushed = pipeline(config, PUSHED, EmulatorDefaults.OUTGOING_WEBHOOK_WORKFLOW_ID);
        config.put(pushed + "run.arrival", "webhook");
        config.put(pushed + "run.timeout", "10m");
        callbackSink(config, pushed, PUSHED, "ndjson");

        String late = pipeline(config, LATE, EmulatorDefaults.COMPANY_WORKFLOW_ID);
        config.put(late + "run.arrival", "webhook");
        config.put(late + "run.timeout", LATE_TIMEOUT);
        return config;
    }

    /** An http-sourced pipeline of the S&P 500 columns whose sink retries 3 times; returns its key prefix. */
    public static String pipeline(Map<String, String> config, String name, String workflowId) {
        String prefix = "sixtyfour.pipelines." + name + ".";
        config.put(prefix + "workflow-id", workflowId);
        config.put(prefix + "source.type", "http");
        config.put(prefix + "mapping.columns.symbol", "Symbol");
        config.put(prefix + "mapping.columns.name", "Security");
        config.put(prefix + "mapping.columns.sector", "GICS Sector");
        config.put(prefix + "mapping.columns.headquarters", "Headquarters Location");
        config.put(prefix + "batch.max-rows", "25");
        config.put(prefix + "batch.idle-timeout", "300ms");
        config.put(prefix + "batch.retry-interval", "500ms");
        config.put(prefix + "run.poll-interval", "100ms");
        config.put(prefix + "output.sink.retry.attempts", String.valueOf(ATTEMPTS));
        config.put(prefix + "output.sink.retry.first-delay", "200ms");
        config.put(prefix + "output.sink.retry.max-delay", "1s");
        return prefix;
    }

    private static void queueSink(Map<String, String> config, String name, String type, String queue,
                                  String brokerUrl) {
        String sink = pipeline(config, name, EmulatorDefaults.COMPANY_WORKFLOW_ID) + "output.sink.";
        config.put(sink + "type", type);
        config.put(sink + "queue.destination", queue);
        config.put(sink + "queue.broker-url", brokerUrl);
    }

    private static void callbackSink(Map<String, String> config, String prefix, String path, String format) {
        String sink = prefix + "output.sink.";
        config.put(sink + "type", "http");
        config.put(sink + "http.url", "${sixtyfour-test.callback-url}/" + path);
        config.put(sink + "http.format", format);
        config.put(sink + "http.bearer-token", CALLBACK_TOKEN);
    }
}
