package dev.camelsixtyfour.app.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Mails as a sender's mail client writes them: a text body and attachments, sent through GreenMail's SMTP. */
public final class TestMails {

    private final String from;
    private final String to;
    private final String subject;
    private String body = "Please find the companies attached.";
    private final List<MimeBodyPart> attachments = new ArrayList<>();

    private TestMails(String from, String to, String subject) {
        this.from = from;
        this.to = to;
        this.subject = subject;
    }

    public static TestMails mail(String from, String to, String subject) {
        return new TestMails(from, to, subject);
    }

    public TestMails body(String text) {
        this.body = text;
        return this;
    }

    /** An attachment of text in UTF-8, declared with {@code contentType; charset=UTF-8}. */
    public TestMails attach(String fileName, String contentType, String text) {
        return attach(fileName, contentType + "; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public TestMails attach(String fileName, String contentType, byte[] bytes) {
        try {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, contentType)));
            return attach(fileName, part);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attachment whose body is sent as given, already in {@code transferEncoding}, right or wrong. */
    public TestMails attachEncoded(String fileName, String contentType, String transferEncoding, String encoded) {
        try {
            InternetHeaders headers = new InternetHeaders();
            headers.setHeader("Content-Type", contentType);
            headers.setHeader("Content-Transfer-Encoding", transferEncoding);
            return attach(fileName, new MimeBodyPart(headers, encoded.getBytes(StandardCharsets.US_ASCII)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestMails attach(String fileName, MimeBodyPart part) throws MessagingException {
        part.setFileName(fileName);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        attachments.add(part);
        return this;
    }

    /** Sends the mail and returns its Message-ID. */
    public String send() {
        try {
            MimeMessage mail = new MimeMessage(GreenMailResource.smtpSession());
            mail.setFrom(new InternetAddress(from));
            mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
            mail.setSubject(subject, StandardCharsets.UTF_8.name());
            MimeMultipart content = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, StandardCharsets.UTF_8.name());
            content.addBodyPart(text);
            for (MimeBodyPart attachment : attachments) {
                content.addBodyPart(attachment);
            }
            mail.setContent(content);
            mail.saveChanges();
            GreenMailResource.send(mail);
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot build the test mail '" + subject + "': " + e.getMessage(), e);
        }
    }
}
