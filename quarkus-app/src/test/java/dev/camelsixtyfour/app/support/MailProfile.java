package dev.camelsixtyfour.app.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import dev.camelsixtyfour.emulator.EmulatorDefaults;

/**
 * Two mail pipelines onto the COMPANY workflow, both mapping the S&P 500 list's columns: {@code mailbox} reads an
 * IMAP INBOX (senders of erp.test or ops@partner.test only, body records on, processed mails moved to Processed)
 * and {@code securebox} an IMAPS INBOX through a truststore (processed mails flagged seen); {@code untrusted} reads
 * the same IMAPS server without the truststore, so its certificate is not trusted.
 */
public class MailProfile implements QuarkusTestProfile {

    public static final String MAILBOX = "mailbox";
    public static final String SECUREBOX = "securebox";
    public static final String UNTRUSTED = "untrusted";
    public static final String PROCESSED = "Processed";
    public static final String QUARANTINE = "Quarantine";
    public static final String INBOX = "INBOX";
    public static final String ALLOWED_DOMAIN = "@erp.test";
    public static final String ALLOWED_ADDRESS = "ops@partner.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        String mail = mailbox(config, MAILBOX, "imap", GreenMailResource.MAILBOX_USER);
        config.put(mail + "allowed-senders", ALLOWED_DOMAIN + "," + ALLOWED_ADDRESS);
        config.put(mail + "body-records", "true");
        config.put(mail + "processed-action", "move");
        config.put(mail + "processed-folder", PROCESSED);

        String secure = mailbox(config, SECUREBOX, "imaps", GreenMailResource.SECURE_USER);
        config.put(secure + "trust.truststore-file", "${sixtyfour-test.truststore}");
        config.put(secure + "trust.truststore-password", "${sixtyfour-test.truststore-password}");

        String untrusted = mailbox(config, UNTRUSTED, "imaps", GreenMailResource.UNTRUSTED_USER);
        config.put(untrusted + "poll-interval", "1s");
        return config;
    }

    /** A mail pipeline reading the user's INBOX; returns the prefix of its source.mail settings. */
    private static String mailbox(Map<String, String> config, String name, String protocol, String user) {
        pipeline(config, name);
        String mail = "sixtyfour.pipelines." + name + ".source.mail.";
        config.put(mail + "protocol", protocol);
        config.put(mail + "port", "${sixtyfour-test." + protocol + "-port}");
        config.put(mail + "username", user);
        return mail;
    }

    private static void pipeline(Map<String, String> config, String name) {
        String prefix = "sixtyfour.pipelines." + name + ".";
        config.put(prefix + "workflow-id", EmulatorDefaults.COMPANY_WORKFLOW_ID);
        config.put(prefix + "source.type", "mail");
        config.put(prefix + "source.mail.host", "127.0.0.1");
        config.put(prefix + "source.mail.password", "${sixtyfour-test.mail-password}");
        config.put(prefix + "source.mail.poll-interval", "300ms");
        config.put(prefix + "mapping.columns.symbol", "Symbol");
        config.put(prefix + "mapping.columns.name", "Security");
        config.put(prefix + "mapping.columns.sector", "GICS Sector");
        config.put(prefix + "mapping.columns.headquarters", "Headquarters Location");
        config.put(prefix + "batch.max-rows", "100");
        config.put(prefix + "batch.idle-timeout", "500ms");
        config.put(prefix + "batch.retry-interval", "500ms");
        config.put(prefix + "run.poll-interval", "100ms");
    }
}
