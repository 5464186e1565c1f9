package dev.camelsixtyfour.app.source.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camelsixtyfour.app.source.PayloadIntake.Receipt;
import dev.camelsixtyfour.app.source.PayloadIntake.RowError;

/**
 * {@code rejected/mail-rejected.ndjson}: one line per rejected row of a mail, naming the mail (Message-ID, subject,
 * sender), the attachment, the row's position and line, the reason, and the rejected-rows file holding its values.
 */
final class MailRejections {

    static final String FILE_NAME = "mail-rejected.ndjson";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    MailRejections(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    synchronized void write(MailEnvelope envelope, String attachment, Receipt receipt) {
        StringBuilder lines = new StringBuilder();
        for (RowError error : receipt.errors()) {
            lines.append(line(envelope, attachment, receipt.sourceName(), error)).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the rejected rows of mail " + envelope.messageId() + " to "
                    + file, e);
        }
    }

    private static String line(MailEnvelope envelope, String attachment, String sourceName, RowError error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("messageId", envelope.messageId());
        entry.put("subject", envelope.subject());
        entry.put("sender", envelope.sender());
        entry.put("attachment", attachment);
        entry.put("row", error.row());
        entry.put("line", error.line());
        entry.put("reason", error.reason());
        entry.put("rejectedRowsFile", sourceName + ".rejected.ndjson");
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the rejection of mail " + envelope.messageId() + " "
                    + attachment + " line " + error.line(), e);
        }
    }
}
