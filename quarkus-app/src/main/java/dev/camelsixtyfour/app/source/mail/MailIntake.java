package dev.camelsixtyfour.app.source.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;

import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camelsixtyfour.app.config.MailConfig;
import dev.camelsixtyfour.app.config.PipelineConfig.FormatConfig;
import dev.camelsixtyfour.app.config.PipelineConfig.FormatType;
import dev.camelsixtyfour.app.format.MalformedFileException;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.source.PayloadFormat;
import dev.camelsixtyfour.app.source.PayloadIntake;
import dev.camelsixtyfour.app.source.PayloadIntake.Receipt;
import dev.camelsixtyfour.app.source.mail.MailContent.Attachment;

/**
 * One mail: each usable attachment (or, without one, a {@code key: value} body) is read whole and its rows handed
 * on through {@link PayloadIntake}, keyed by Message-ID and attachment name, so a mail read again after a crash
 * hands on only the rows no batch holds yet. The mail is marked processed (by the consumer, once this returns) only
 * after every row is stored. A mail whose content cannot be read moves to quarantine instead; the good attachments
 * of such a mail keep their stored rows, and the reason names each bad attachment. A failure that is not about the
 * mail (the API, the database, the IMAP connection) is thrown: the mail stays unseen and is read again next poll.
 */
final class MailIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "body";

    private final PayloadIntake payloads;
    private final MailConfig mail;
    private final SenderAllowList senders;
    private final MailQuarantine quarantine;
    private final MailRejections rejections;
    private final PipelineMetrics metrics;

    MailIntake(PayloadIntake payloads, MailConfig mail, PipelineMetrics metrics) {
        this.payloads = payloads;
        this.mail = mail;
        this.metrics = metrics;
        this.senders = new SenderAllowList(mail.allowedSenders().orElse(List.of()));
        this.quarantine = new MailQuarantine(pipeline(), mail.quarantineFolder());
        this.rejections = new MailRejections(payloads.pipeline().paths().rejected());
    }

    // Known limitation: a mail that fails for a reason outside its content (the API, the database, the connection)
    // stays unseen and is read again at every poll, without a limit like the queues' max-deliveries.
    void receive(Exchange exchange) throws MessagingException {
        Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
        MailEnvelope envelope = MailEnvelope.of(message);
        Optional<String> refusal = take(message, envelope);
        if (refusal.isPresent()) {
            quarantine.move(message, envelope, refusal.get());
            metrics.fileFailed(pipeline());
            exchange.getIn().setHeader(MailConstants.MAIL_DELETE, true);
            return;
        }
        markProcessed(exchange);
        LOG.debug("Pipeline {}: mail {} processed", pipeline(), envelope.messageId());
    }

    /** Hands on the mail's rows; returns why the mail (or one of its attachments) cannot be read, if it cannot. */
    private Optional<String> take(Message message, MailEnvelope envelope) throws MessagingException {
        if (!senders.allows(envelope.sender())) {
            return Optional.of("sender " + envelope.sender() + " is not on the allowed-senders list");
        }
        MailContent content;
        try {
            content = MailContent.of(message, mail.attachmentExtensions());
        } catch (UnreadableMailException e) {
            return Optional.of(e.getMessage());
        } catch (MessagingException | IOException e) {
            return Optional.of(unreadable("the mail", e));
        }
        if (content.attachments().isEmpty()) {
            return takeBody(content, envelope);
        }
        List<String> failures = new ArrayList<>();
        for (Attachment attachment : content.attachments()) {
            attachmentFailure(attachment, envelope).ifPresent(failures::add);
        }
        return failures.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", failures));
    }

    private Optional<String> attachmentFailure(Attachment attachment, MailEnvelope envelope)
            throws MessagingException {
        try {
            byte[] bytes = bytes(attachment);
            hand(envelope, attachment.name(), bytes, format(attachment));
            return Optional.empty();
        } catch (MalformedFileException | UnreadableMailException e) {
            return Optional.of("attachment " + attachment.name() + ": " + e.getMessage());
        } catch (IOException | MessagingException e) {
            return Optional.of("attachment " + attachment.name() + ": " + unreadable("its content", e));
        }
    }

    private Optional<String> takeBody(MailContent content, MailEnvelope envelope) {
        String usable = "no attachment with one of the extensions " + mail.attachmentExtensions()
                + (content.passedOver().isEmpty() ? "" : " (passed over: " + content.passedOver() + ")");
        if (!mail.bodyRecords()) {
            return Optional.of(usable);
        }
        if (content.body().isEmpty() || content.body().get().isBlank()) {
            return Optional.of(usable + " and no text body");
        }
        try {
            Map<String, String> record = BodyRecord.parse(content.body().get());
            hand(envelope, BODY, JSON.writeValueAsBytes(record),
                    new PayloadFormat(FormatType.JSON, ",", StandardCharsets.UTF_8.name()));
            return Optional.empty();
        } catch (UnreadableMailException | MalformedFileException e) {
            return Optional.of(usable + "; the body: " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the body record of mail " + envelope.messageId()
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void hand(MailEnvelope envelope, String partName, byte[] bytes, FormatConfig format) {
        String sourceName = envelope.sourceName(partName);
        Receipt receipt = payloads.take(bytes, format, sourceName, envelope.progressKey(partName));
        LOG.info("Pipeline {}: mail {} {}: {} rows to batches, {} rejected, {} already stored", pipeline(),
                envelope.messageId(), partName, receipt.accepted(), receipt.rejected(), receipt.alreadyStored());
        if (!receipt.errors().isEmpty()) {
            rejections.write(envelope, partName, receipt);
            LOG.warn("Pipeline {}: mail {} from {} ('{}') {}: {} rows rejected, listed in {}", pipeline(),
                    envelope.messageId(), envelope.sender(), envelope.subject(), partName, receipt.rejected(),
                    MailRejections.FILE_NAME);
        }
    }

    private static byte[] bytes(Attachment attachment) throws IOException, MessagingException {
        try (InputStream in = attachment.part().getInputStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * CSV attachments use the pipeline's delimiter and charset, JSON ones UTF-8; a charset the attachment's
     * Content-Type names wins, and one this Java does not know refuses the attachment.
     */
    private PayloadFormat format(Attachment attachment) {
        FormatConfig pipelineFormat = payloads.pipeline().config().format();
        boolean csv = "csv".equals(attachment.extension());
        String charset = attachment.charset().orElse(csv ? pipelineFormat.charset() : StandardCharsets.UTF_8.name());
        try {
            Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnreadableMailException("charset " + charset + " is not known", e);
        }
        if (csv) {
            return new PayloadFormat(FormatType.CSV, pipelineFormat.delimiter(), charset);
        }
        FormatType type = "json".equals(attachment.extension()) ? FormatType.JSON : FormatType.NDJSON;
        return new PayloadFormat(type, ",", charset);
    }

    /** A lost connection is thrown (read the mail again later); anything else about the content is the reason. */
    private static String unreadable(String what, Exception e) {
        if (connectionLost(e)) {
            throw new IllegalStateException("The mailbox connection failed while " + what + " was read: "
                    + e.getMessage(), e);
        }
        return what + " cannot be read: " + e.getMessage();
    }

    /** IMAP streams report a lost connection as an IOException caused by a MessagingException. */
    private static boolean connectionLost(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FolderClosedException || cause instanceof StoreClosedException
                    || cause instanceof MessageRemovedException
                    || cause instanceof IOException && cause.getCause() instanceof MessagingException) {
                return true;
            }
        }
        return false;
    }

    /** The consumer flags the mail SEEN by default; the headers ask it to delete or move it instead. */
    private void markProcessed(Exchange exchange) {
        switch (mail.processedAction()) {
            case SEEN -> exchange.getIn().removeHeader(MailConstants.MAIL_MOVE_TO);
            case DELETE -> exchange.getIn().setHeader(MailConstants.MAIL_DELETE, true);
            case MOVE -> exchange.getIn().setHeader(MailConstants.MAIL_MOVE_TO, mail.processedFolder());
        }
    }

    private String pipeline() {
        return payloads.pipeline().name();
    }
}
