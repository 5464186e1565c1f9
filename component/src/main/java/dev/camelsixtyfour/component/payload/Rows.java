package dev.camelsixtyfour.component.payload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.client.SixtyfourJson;

/** Checks that each row is a JSON object, naming the row that is not. */
final class Rows {

    private Rows() {
    }

    /**
     * Converts one Map or POJO to a JSON object.
     *
     * @param index the row's index in a list, or -1 for a body that is one row
     */
    static JsonNode toRow(Object value, int index, String workflowId) {
        if (value == null) {
            throw WebhookPayloads.refused(workflowId, where(index) + " is null; every row must be an object");
        }

        JsonNode row;
        try {
            row = SixtyfourJson.mapper().valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw SixtyfourException.builder(where(index) + " of type " + value.getClass().getName()
                                             + " cannot be written as JSON")
                    .workflowId(workflowId)
                    .detail(e.getMessage())
                    .cause(e)
                    .build();
        }
        if (!row.isObject()) {
            throw WebhookPayloads.refused(workflowId, where(index) + " is a " + value.getClass().getName()
                                                      + ", not a Map or an object with properties");
        }
        return row;
    }

    /** Fails unless every element of the JSON array is an object. */
    static void requireObjects(JsonNode array, String workflowId, String elementName) {
        for (int index = 0; index < array.size(); index++) {
            JsonNode element = array.get(index);
            if (!element.isObject()) {
                throw WebhookPayloads.refused(workflowId, "JSON " + elementName + " " + index + " is a "
                                                          + element.getNodeType().name().toLowerCase()
                                                          + ", not an object; every row must be an object");
            }
        }
    }

    private static String where(int index) {
        return index < 0 ? "The exchange body" : "Row " + index + " of the exchange body";
    }
}
