package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One block of a fixture workflow, as {@code workflow_definition.blocks[]} describes it. */
record WorkflowBlock(String blockId, String blockName, String blockType, int sequenceNumber, ObjectNode specs,
        List<String> previousBlockIds) {

    static final List<String> SOURCE_NAMES = List.of("webhook", "read_csv");
    static final List<String> KNOWN_NAMES = List.of("webhook", "read_csv", "company_enrichment", "lead_enrichment",
            "find_email", "find_phone", "filter", "deduplicate", "outgoing_webhook");

    boolean isSource() {
        return SOURCE_NAMES.contains(blockName);
    }

    boolean isOutgoingWebhook() {
        return "outgoing_webhook".equals(blockName);
    }

    String spec(String name) {
        return specs.hasNonNull(name) ? specs.get(name).asText() : null;
    }

    /** This block with {@code overrides} laid over its specs, key by key. */
    WorkflowBlock withSpecsOverride(ObjectNode overrides) {
        ObjectNode merged = specs.deepCopy();
        merged.setAll(overrides);
        return new WorkflowBlock(blockId, blockName, blockType, sequenceNumber, merged, previousBlockIds);
    }

    /** The required columns of {@code input_schema}: only {@code {"required": true}} makes a column required. */
    List<String> requiredColumns() {
        if (!specs.has("input_schema") || !specs.get("input_schema").isObject()) {
            return List.of();
        }
        return fieldNames((ObjectNode) specs.get("input_schema")).stream()
                .filter(column -> specs.get("input_schema").get(column).path("required").asBoolean(false))
                .toList();
    }

    String dataframeType() {
        String type = spec("dataframe_type");
        return type == null ? "LEAD" : type;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("block_id", blockId);
        map.put("block_name", blockName);
        map.put("block_type", blockType);
        map.put("sequence_number", sequenceNumber);
        map.put("specs", specs);
        return map;
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
