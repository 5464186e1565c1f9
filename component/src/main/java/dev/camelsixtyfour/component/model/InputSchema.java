package dev.camelsixtyfour.component.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The columns a webhook source block declares. A field schema is a bare type name (optional column) or an object
 * whose {@code required: true} makes the column required.
 */
public record InputSchema(Map<String, JsonNode> fields, List<String> requiredColumns) {

    public static InputSchema of(Map<String, JsonNode> fields) {
        List<String> required = fields.entrySet().stream()
                .filter(field -> field.getValue().isObject() && field.getValue().path("required").asBoolean(false))
                .map(Map.Entry::getKey)
                .toList();
        return new InputSchema(Map.copyOf(fields), required);
    }

    public static InputSchema empty() {
        return new InputSchema(Map.of(), List.of());
    }
}
