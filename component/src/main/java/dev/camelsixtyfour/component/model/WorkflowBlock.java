package dev.camelsixtyfour.component.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** One block of a workflow definition; {@code specs} is kept as JSON because every block type has its own. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowBlock(
        @JsonProperty("block_id") String blockId,
        @JsonProperty("block_name") String blockName,
        @JsonProperty("block_type") String blockType,
        @JsonProperty("sequence_number") Integer sequenceNumber,
        @JsonProperty("specs") JsonNode specs) {

    public static final String WEBHOOK = "webhook";
    public static final String READ_CSV = "read_csv";

    private static final Set<String> SOURCE_NAMES = Set.of(WEBHOOK, READ_CSV);

    public boolean isSource() {
        return SOURCE_NAMES.contains(blockName) || "source".equalsIgnoreCase(blockType);
    }

    public boolean isWebhook() {
        return WEBHOOK.equals(blockName);
    }

    /** The {@code input_schema} of a webhook block: column name to field schema, empty when absent. */
    public InputSchema inputSchema() {
        JsonNode schema = specs == null ? null : specs.get("input_schema");
        return InputSchema.of(schema == null || !schema.isObject() ? Map.of() : toFieldMap(schema));
    }

    private static Map<String, JsonNode> toFieldMap(JsonNode schema) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        schema.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }
}
