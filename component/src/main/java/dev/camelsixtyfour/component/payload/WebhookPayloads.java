package dev.camelsixtyfour.component.payload;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.BaseStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.client.SixtyfourJson;
import dev.camelsixtyfour.component.model.WebhookPayload;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;

/**
 * Turns whatever an exchange carries into a run's {@code webhook_payload}: Java objects become JSON objects, JSON
 * text is checked and passed through unchanged, NDJSON becomes an array of its lines. Anything that cannot be rows
 * is refused here, before any request.
 */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    /**
     * Reads the exchange's body as rows.
     *
     * @param  allowEmpty         whether an empty list of rows is accepted
     * @throws SixtyfourException naming what was wrong with the body
     */
    public static WebhookPayload fromExchange(Exchange exchange, String workflowId, boolean allowEmpty) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw refused(workflowId, "The exchange has no body; a run needs at least one row");
        }
        if (body instanceof WrappedFile<?>) {
            body = exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, body);
        }

        WebhookPayload payload = fromBody(body, workflowId);
        if (payload.rowCount() == 0 && !allowEmpty) {
            throw refused(workflowId, "The exchange body holds no rows; set allowEmptyPayload=true to start runs"
                                      + " with an empty payload");
        }
        return payload;
    }

    static WebhookPayload fromBody(Object body, String workflowId) {
        if (body instanceof byte[] bytes) {
            return JsonText.parse(bytes, workflowId);
        }
        if (body instanceof CharSequence text) {
            return JsonText.parse(text.toString().getBytes(StandardCharsets.UTF_8), workflowId);
        }
        if (body instanceof InputStream stream) {
            return JsonText.parse(readAll(stream, workflowId), workflowId);
        }
        if (body instanceof Reader reader) {
            return JsonText.parse(readAll(reader, workflowId).getBytes(StandardCharsets.UTF_8), workflowId);
        }
        if (body instanceof JsonNode json) {
            return fromTree(json, workflowId);
        }
        return fromObjects(body, workflowId);
    }

    private static WebhookPayload fromTree(JsonNode json, String workflowId) {
        if (json.isObject()) {
            return WebhookPayload.ofTree(json);
        }
        if (json.isArray()) {
            Rows.requireObjects(json, workflowId, "element");
            return WebhookPayload.ofTree(json);
        }
        throw refused(workflowId, "The exchange body is a JSON " + json.getNodeType().name().toLowerCase()
                                  + ", not an object or an array of objects");
    }

    private static WebhookPayload fromObjects(Object body, String workflowId) {
        Iterator<?> rows = iteratorOf(body);
        if (rows == null) {
            return WebhookPayload.ofTree(Rows.toRow(body, -1, workflowId));
        }

        try {
            ArrayNode array = SixtyfourJson.mapper().createArrayNode();
            int index = 0;
            while (rows.hasNext()) {
                array.add(Rows.toRow(rows.next(), index++, workflowId));
            }
            return WebhookPayload.ofTree(array);
        } finally {
            if (body instanceof BaseStream<?, ?> stream) {
                stream.close();
            }
        }
    }

    private static Iterator<?> iteratorOf(Object body) {
        if (body instanceof Map<?, ?>) {
            return null;
        }
        if (body instanceof Iterable<?> iterable) {
            return iterable.iterator();
        }
        if (body instanceof Iterator<?> iterator) {
            return iterator;
        }
        if (body instanceof BaseStream<?, ?> stream) {
            return stream.iterator();
        }
        if (body instanceof Object[] array) {
            return Arrays.asList(array).iterator();
        }
        return null;
    }

    private static byte[] readAll(InputStream stream, String workflowId) {
        try (InputStream in = stream) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw SixtyfourException.builder("Cannot read the exchange body").workflowId(workflowId).cause(e).build();
        }
    }

    private static String readAll(Reader reader, String workflowId) {
        try (Reader in = reader) {
            StringWriter text = new StringWriter();
            in.transferTo(text);
            return text.toString();
        } catch (IOException e) {
            throw SixtyfourException.builder("Cannot read the exchange body").workflowId(workflowId).cause(e).build();
        }
    }

    static SixtyfourException refused(String workflowId, String why) {
        return SixtyfourException.builder(why).workflowId(workflowId).build();
    }
}
