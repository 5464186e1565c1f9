package dev.camelsixtyfour.app.source.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camelsixtyfour.app.format.MalformedFileException;
import dev.camelsixtyfour.app.mapping.InputSchemaClient.WorkflowUnavailableException;
import dev.camelsixtyfour.app.source.PayloadFormat;
import dev.camelsixtyfour.app.source.PayloadIntake;
import dev.camelsixtyfour.app.source.PayloadIntake.Receipt;

/**
 * Answers one ingest request. The checks run in this order, each with its own status: 401 without the ingest token, 404
 * for a pipeline that is not an http source, 413 above the body-size limit, 415 for a Content-Type that is not JSON,
 * NDJSON or CSV or names a charset the JVM does not know, 400 for a body that cannot be read to its end (nothing
 * stored). Otherwise every good row is stored in a batch and every bad one recorded as rejected, as for a file, before
 * the answer: 202 when all rows were good, 400 listing the rejected rows when some were not (the good rows of that
 * request ARE stored; send only the rejected rows again). Both carry the receipt id.
 */
final class IngestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IngestToken token;
    private final Map<String, PayloadIntake> intakes;
    private final long maxBodyBytes;

    IngestHandler(IngestToken token, Map<String, PayloadIntake> intakes, long maxBodyBytes) {
        this.token = token;
        this.intakes = Map.copyOf(intakes);
        this.maxBodyBytes = maxBodyBytes;
    }

    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        String authorization = in.getHeader("Authorization", String.class);
        String pipeline = in.getHeader("pipeline", String.class);
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        Long declaredLength = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        // Nothing the caller sent is echoed back or passed on as a header, the credential least of all.
        in.removeHeaders("*");

        if (!token.accepts(authorization)) {
            in.setHeader("WWW-Authenticate", "Bearer");
            respond(in, 401, Map.of("error", "missing or wrong ingest token"));
            return;
        }
        PayloadIntake intake = intakes.get(pipeline);
        if (intake == null) {
            respond(in, 404, Map.of("error", "no pipeline with an http source is named '" + pipeline + "'"));
            return;
        }
        if (declaredLength != null && declaredLength > maxBodyBytes) {
            refuseTooLarge(in, pipeline, declaredLength);
            return;
        }
        byte[] body = Optional.ofNullable(in.getBody(byte[].class)).orElse(new byte[0]);
        if (body.length > maxBodyBytes) {
            refuseTooLarge(in, pipeline, body.length);
            return;
        }
        Optional<PayloadFormat> format = PayloadFormat.ofContentType(contentType,
                intake.pipeline().config().format());
        if (format.isEmpty()) {
            respond(in, 415, Map.of("error", "Content-Type " + contentType + " is not one of application/json, "
                    + "application/x-ndjson or text/csv"));
            return;
        }
        if (!knownCharset(format.get().charset())) {
            respond(in, 415, Map.of("error", "Content-Type " + contentType + " names the charset '"
                    + format.get().charset() + "', which this server does not know"));
            return;
        }
        ingest(in, intake, body, format.get());
    }

    private static boolean knownCharset(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private void ingest(Message in, PayloadIntake intake, byte[] body, PayloadFormat format) {
        String receiptId = UUID.randomUUID().toString();
        String pipeline = intake.pipeline().name();
        try {
            Receipt receipt = intake.take(body, format, "http-" + receiptId, "http:" + receiptId);
            LOG.info("Pipeline {}: request {} stored: {} rows to batches, {} rejected", pipeline, receiptId,
                    receipt.accepted(), receipt.rejected());
            respond(in, receipt.errors().isEmpty() ? 202 : 400, receiptBody(receiptId, receipt));
        } catch (MalformedFileException e) {
            LOG.info("Pipeline {}: request {} refused: {}", pipeline, receiptId, e.getMessage());
            respond(in, 400, Map.of("error", "the body cannot be read; nothing was stored",
                    "errors", List.of(Map.of("line", e.line(), "reason", e.getMessage()))));
        } catch (WorkflowUnavailableException e) {
            LOG.warn("Pipeline {}: request {} refused, the workflow is unavailable: {}", pipeline, receiptId,
                    e.getMessage());
            in.setHeader("Retry-After", "30");
            respond(in, e.passing() ? 503 : 502, Map.of("error", "the workflow cannot be read: " + e.getMessage()));
        } catch (RuntimeException e) {
            // Rows handed on before the failure stay stored; the receipt id names them in the rejected and batch logs.
            LOG.warn("Pipeline {}: request {} failed: {}", pipeline, receiptId, e.getMessage());
            respond(in, 500, Map.of("receiptId", receiptId, "error", "stopped before every row was stored: "
                    + e.getMessage()));
        }
    }

    private static Map<String, Object> receiptBody(String receiptId, Receipt receipt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receiptId", receiptId);
        body.put("accepted", receipt.accepted());
        body.put("rejected", receipt.rejected());
        if (!receipt.errors().isEmpty()) {
            body.put("errors", receipt.errors());
        }
        return body;
    }

    private void refuseTooLarge(Message in, String pipeline, long bytes) {
        LOG.warn("Pipeline {}: ingest request of {} bytes refused, above sixtyfour.ingest.max-body-size of {} bytes",
                pipeline, bytes, maxBodyBytes);
        respond(in, 413, Map.of("error", tooLarge(bytes, maxBodyBytes)));
    }

    static String tooLarge(long bytes, long limit) {
        return "the body of " + bytes + " bytes is larger than the limit of " + limit
                + " bytes (sixtyfour.ingest.max-body-size)";
    }

    private static void respond(Message in, int status, Map<String, Object> body) {
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            in.setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the ingest answer as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
