package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads workflows from a fixtures file, YAML or JSON (YAML reads both), and rejects a definition the service would
 * not hold: no or several source blocks, unknown block names, edges to missing blocks, duplicate ids.
 */
final class WorkflowFixtures {

    private static final YAMLMapper YAML = new YAMLMapper();

    private WorkflowFixtures() {
    }

    static List<Workflow> fromResource(String resource) {
        try (InputStream in = WorkflowFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Fixtures resource " + resource + " is not on the classpath");
            }
            return parse(YAML.readTree(in), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixtures resource " + resource, e);
        }
    }

    static List<Workflow> fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(YAML.readTree(in), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixtures file " + file, e);
        }
    }

    private static List<Workflow> parse(JsonNode root, String origin) {
        JsonNode list = root == null ? null : root.get("workflows");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(origin + ": expected a non-empty 'workflows' list");
        }

        List<Workflow> workflows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Workflow workflow = workflow(list.get(i), origin + ": workflows[" + i + "]");
            if (!ids.add(workflow.id())) {
                throw new IllegalArgumentException(origin + ": workflow id " + workflow.id() + " appears twice");
            }
            workflows.add(workflow);
        }
        return List.copyOf(workflows);
    }

    private static Workflow workflow(JsonNode node, String where) {
        String id = required(node, "id", where);
        String name = required(node, "name", where);
        JsonNode definition = node.path("workflow_definition");
        List<Map<String, String>> edges = edges(definition.path("edges"), where);
        List<WorkflowBlock> blocks = blocks(definition.path("blocks"), edges, where + " (" + id + ")");

        return new Workflow(id, name, text(node, "description"), text(node, "org_id"),
                Instant.parse(node.path("created_at").asText("2026-01-05T09:00:00Z")), blocks, edges);
    }

    private static List<WorkflowBlock> blocks(JsonNode list, List<Map<String, String>> edges, String where) {
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": workflow_definition.blocks must be a non-empty list");
        }

        List<WorkflowBlock> blocks = new ArrayList<>();
        for (JsonNode node : list) {
            blocks.add(block(node, edges, where));
        }
        blocks.sort(Comparator.comparingInt(WorkflowBlock::sequenceNumber));
        checkGraph(blocks, edges, where);
        return List.copyOf(blocks);
    }

    private static WorkflowBlock block(JsonNode node, List<Map<String, String>> edges, String where) {
        String blockId = required(node, "block_id", where);
        String blockName = required(node, "block_name", where);
        if (!WorkflowBlock.KNOWN_NAMES.contains(blockName)) {
            throw new IllegalArgumentException(where + ": block " + blockId + " has unknown block_name '"
                    + blockName + "'; known: " + WorkflowBlock.KNOWN_NAMES);
        }
        if (!node.path("sequence_number").canConvertToInt()) {
            throw new IllegalArgumentException(where + ": block " + blockId + " needs an integer sequence_number");
        }

        JsonNode specs = node.path("specs");
        ObjectNode specsObject = specs.isObject() ? (ObjectNode) specs : Json.MAPPER.createObjectNode();
        List<String> previous = edges.stream().filter(edge -> blockId.equals(edge.get("to_block_id")))
                .map(edge -> edge.get("from_block_id")).toList();
        String blockType = node.path("block_type").asText(WorkflowBlock.SOURCE_NAMES.contains(blockName)
                ? "source" : "enrich");
        return new WorkflowBlock(blockId, blockName, blockType, node.get("sequence_number").asInt(), specsObject,
                previous);
    }

    private static void checkGraph(List<WorkflowBlock> blocks, List<Map<String, String>> edges, String where) {
        long sources = blocks.stream().filter(WorkflowBlock::isSource).count();
        if (sources != 1 || !blocks.get(0).isSource()) {
            throw new IllegalArgumentException(where + ": a workflow has exactly one source block (webhook or "
                    + "read_csv), first in sequence; found " + sources);
        }

        Set<String> blockIds = new HashSet<>();
        blocks.forEach(block -> {
            if (!blockIds.add(block.blockId())) {
                throw new IllegalArgumentException(where + ": block id " + block.blockId() + " appears twice");
            }
        });
        for (Map<String, String> edge : edges) {
            if (!blockIds.contains(edge.get("from_block_id")) || !blockIds.contains(edge.get("to_block_id"))) {
                throw new IllegalArgumentException(where + ": edge " + edge + " names a block that does not exist");
            }
        }
    }

    private static List<Map<String, String>> edges(JsonNode list, String where) {
        List<Map<String, String>> edges = new ArrayList<>();
        if (!list.isArray()) {
            return edges;
        }
        for (JsonNode node : list) {
            Map<String, String> edge = new LinkedHashMap<>();
            edge.put("from_block_id", required(node, "from_block_id", where + " edge"));
            edge.put("to_block_id", required(node, "to_block_id", where + " edge"));
            edges.add(Collections.unmodifiableMap(edge));
        }
        return List.copyOf(edges);
    }

    private static String required(JsonNode node, String field, String where) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + ": missing '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
