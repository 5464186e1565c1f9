package dev.camelsixtyfour.app.source.mail;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

/**
 * The parts of a mail that may hold records: attachments whose extension is one of the pipeline's, and the first
 * plain-text body. Other attachments are listed by name only, so a refusal can say what the mail held.
 */
record MailContent(List<Attachment> attachments, List<String> passedOver, Optional<String> body) {

    /** One attachment to read: its name (unique within the mail), extension and MIME part. */
    record Attachment(String name, String extension, Part part) {

        /** The charset its Content-Type names, if any. */
        Optional<String> charset() {
            try {
                return Optional.ofNullable(new ContentType(part.getContentType()).getParameter("charset"));
            } catch (MessagingException e) {
                throw new UnreadableMailException("attachment " + name + " has a Content-Type that cannot be read: "
                        + e.getMessage(), e);
            }
        }
    }

    static MailContent of(Part mail, List<String> extensions) throws MessagingException, IOException {
        Set<String> wanted = new LinkedHashSet<>();
        extensions.forEach(extension -> wanted.add(extension.strip().toLowerCase(Locale.ROOT)));
        Collector collector = new Collector(wanted);
        collector.walk(mail);
        return new MailContent(List.copyOf(collector.attachments), List.copyOf(collector.passedOver),
                Optional.ofNullable(collector.body));
    }

    private static final class Collector {

        private final Set<String> extensions;
        private final List<Attachment> attachments = new ArrayList<>();
        private final List<String> passedOver = new ArrayList<>();
        private final Set<String> names = new LinkedHashSet<>();
        private String body;

        Collector(Set<String> extensions) {
            this.extensions = extensions;
        }

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) content(part);
                for (int index = 0; index < multipart.getCount(); index++) {
                    walk(multipart.getBodyPart(index));
                }
                return;
            }
            String fileName = fileName(part);
            if (fileName == null) {
                keepBody(part);
                return;
            }
            String extension = extension(fileName);
            if (extensions.contains(extension)) {
                attachments.add(new Attachment(uniqueName(fileName), extension, part));
            } else {
                passedOver.add(fileName);
            }
        }

        private void keepBody(Part part) throws MessagingException, IOException {
            if (body == null && part.isMimeType("text/plain")) {
                body = (String) content(part);
            }
        }

        /** A second attachment of the same name is told apart by its position: {@code name#2}. */
        private String uniqueName(String fileName) {
            String name = fileName;
            for (int count = 2; !names.add(name); count++) {
                name = fileName + "#" + count;
            }
            return name;
        }

        private static Object content(Part part) throws MessagingException, IOException {
            try {
                return part.getContent();
            } catch (UnsupportedEncodingException e) {
                throw new UnreadableMailException("a part's charset is not known: " + e.getMessage(), e);
            } catch (ParseException e) {
                throw new UnreadableMailException("a part's MIME structure cannot be read: " + e.getMessage(), e);
            }
        }

        private static String fileName(Part part) throws MessagingException {
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                return null;
            }
            try {
                return MimeUtility.decodeText(name).strip();
            } catch (UnsupportedEncodingException e) {
                return name.strip();
            }
        }

        private static String extension(String fileName) {
            int dot = fileName.lastIndexOf('.');
            return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
    }
}
