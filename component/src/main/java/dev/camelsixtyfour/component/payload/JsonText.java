package dev.camelsixtyfour.component.payload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.client.SixtyfourJson;
import dev.camelsixtyfour.component.model.WebhookPayload;

/** Reads JSON or NDJSON text (UTF-8) into rows. */
final class JsonText {

    private JsonText() {
    }

    static WebhookPayload parse(byte[] text, String workflowId) {
        byte[] json = withoutByteOrderMark(text);
        if (isBlank(json)) {
            throw WebhookPayloads.refused(workflowId, "The exchange body is empty; a run needs at least one row");
        }

        List<JsonNode> documents = readDocuments(json, workflowId);
        if (documents.size() == 1) {
            return single(documents.get(0), json, workflowId);
        }
        return lines(documents, workflowId);
    }

    private static WebhookPayload single(JsonNode document, byte[] json, String workflowId) {
        if (document.isArray()) {
            Rows.requireObjects(document, workflowId, "array element");
        } else if (!document.isObject()) {
            throw WebhookPayloads.refused(workflowId, "The exchange body is a JSON "
                                                      + document.getNodeType().name().toLowerCase()
                                                      + ", not an object or an array of objects");
        }
        return WebhookPayload.ofRawJson(document, json);
    }

    private static WebhookPayload lines(List<JsonNode> documents, String workflowId) {
        ArrayNode rows = SixtyfourJson.mapper().createArrayNode();
        for (int index = 0; index < documents.size(); index++) {
            JsonNode line = documents.get(index);
            if (!line.isObject()) {
                throw WebhookPayloads.refused(workflowId, "NDJSON line " + (index + 1) + " of the exchange body is a "
                                                          + line.getNodeType().name().toLowerCase()
                                                          + ", not an object");
            }
            rows.add(line);
        }
        return WebhookPayload.ofTree(rows);
    }

    /** Every top-level JSON value of the text: one for a JSON document, one per line for NDJSON. */
    private static List<JsonNode> readDocuments(byte[] json, String workflowId) {
        ObjectMapper mapper = SixtyfourJson.mapper();
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(json)) {
            while (parser.nextToken() != null) {
                documents.add(mapper.readTree(parser));
            }
            return documents;
        } catch (JsonProcessingException e) {
            throw notJson(e, workflowId);
        } catch (IOException e) {
            throw SixtyfourException.builder("Cannot read the exchange body").workflowId(workflowId).cause(e).build();
        }
    }

    private static SixtyfourException notJson(JsonProcessingException e, String workflowId) {
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return SixtyfourException.builder("The exchange body is not valid JSON or NDJSON" + where)
                .workflowId(workflowId)
                .detail(e.getOriginalMessage())
                .cause(e)
                .build();
    }

    private static byte[] withoutByteOrderMark(byte[] text) {
        boolean bom = text.length >= 3 && (text[0] & 0xFF) == 0xEF && (text[1] & 0xFF) == 0xBB
                      && (text[2] & 0xFF) == 0xBF;
        return bom ? Arrays.copyOfRange(text, 3, text.length) : text;
    }

    private static boolean isBlank(byte[] text) {
        for (byte b : text) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
