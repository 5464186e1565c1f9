package dev.camelsixtyfour.app.source.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

/**
 * Who sent a mail and how it is named in logs, reports and the progress table: its Message-ID (or, for a mail
 * without one, a digest of its bytes), subject and sender address.
 */
record MailEnvelope(String messageId, String subject, String sender) {

    static final String NO_SENDER = "(no sender)";
    private static final String MESSAGE_ID = "Message-ID";
    private static final int NAME_PART_LENGTH = 80;

    static MailEnvelope of(Message mail) throws MessagingException {
        String[] ids = mail.getHeader(MESSAGE_ID);
        String messageId = ids != null && ids.length > 0 && !ids[0].isBlank() ? ids[0].strip() : digest(mail);
        String subject = mail.getSubject() == null ? "" : mail.getSubject();
        return new MailEnvelope(messageId, subject, sender(mail));
    }

    /** The progress key of one attachment (or of the body) of this mail. */
    String progressKey(String partName) {
        return "mail:" + messageId + ":" + partName;
    }

    /** The name rejected-rows files and batch sources show: mail and attachment, file-name-safe. */
    String sourceName(String partName) {
        return "mail-" + safe(messageId.replaceAll("[<>]", "")) + "-" + safe(partName);
    }

    private static String safe(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() <= NAME_PART_LENGTH ? safe : safe.substring(0, NAME_PART_LENGTH);
    }

    private static String sender(Message mail) {
        try {
            Address[] from = mail.getFrom();
            if (from == null || from.length == 0) {
                return NO_SENDER;
            }
            return from[0] instanceof InternetAddress address && address.getAddress() != null
                    ? address.getAddress().toLowerCase(Locale.ROOT) : from[0].toString();
        } catch (MessagingException e) {
            // A From header that is not an address cannot be on an allow-list; the mail is refused for it.
            return NO_SENDER;
        }
    }

    private static String digest(Message mail) throws MessagingException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
                mail.writeTo(out);
            }
            return "sha256-" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a mail without Message-ID to key it: " + e.getMessage(), e);
        }
    }
}
