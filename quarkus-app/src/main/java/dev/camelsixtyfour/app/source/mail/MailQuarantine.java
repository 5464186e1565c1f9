package dev.camelsixtyfour.app.source.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a copy of an unreadable mail, with the reason in an {@code X-Sixtyfour-Quarantine-Reason} header, into the
 * quarantine folder (created when missing); the consumer then deletes the original. The copy keeps the mail's
 * Message-ID, so once fixed and moved back to the read folder it resumes after the rows it already stored.
 */
final class MailQuarantine {

    /** The header of the quarantined copy that says why it is there. */
    static final String REASON = "X-Sixtyfour-Quarantine-Reason";
    static final String PIPELINE = "X-Sixtyfour-Pipeline";

    private static final Logger LOG = LoggerFactory.getLogger(MailQuarantine.class);

    private final String pipeline;
    private final String folderName;

    MailQuarantine(String pipeline, String folderName) {
        this.pipeline = pipeline;
        this.folderName = folderName;
    }

    void move(Message mail, MailEnvelope envelope, String reason) throws MessagingException {
        Folder quarantine = mail.getFolder().getStore().getFolder(folderName);
        if (!quarantine.exists() && !quarantine.create(Folder.HOLDS_MESSAGES)) {
            throw new IllegalStateException("Pipeline " + pipeline + ": the quarantine folder " + folderName
                    + " cannot be created, so mail " + envelope.messageId() + " stays where it is");
        }
        // Known limitation: a crash between this copy and the consumer's delete of the original quarantines the
        // mail a second time when it is read again; no row is stored twice, the folder holds two copies.
        MimeMessage copy = new MimeMessage((MimeMessage) mail);
        copy.setHeader(REASON, header(reason));
        copy.setHeader(PIPELINE, pipeline);
        quarantine.appendMessages(new Message[] {copy});
        LOG.warn("Pipeline {}: mail {} from {} ('{}') moved to {}: {}", pipeline, envelope.messageId(),
                envelope.sender(), envelope.subject(), folderName, reason);
    }

    private static String header(String reason) {
        try {
            return MimeUtility.fold(REASON.length() + 2,
                    MimeUtility.encodeText(reason, StandardCharsets.UTF_8.name(), null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is missing from this Java runtime", e);
        }
    }
}
