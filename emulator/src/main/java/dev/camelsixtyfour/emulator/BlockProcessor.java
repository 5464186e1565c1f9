package dev.camelsixtyfour.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What each block does to the rows reaching it. Enrichment blocks add columns and keep every value the row already
 * had; data blocks drop rows; source and output blocks pass rows through unchanged.
 */
final class BlockProcessor {

    /** A fixture spec that makes a block fail with this message once its step has run. */
    static final String SIMULATE_FAILURE_SPEC = "simulate_failure";

    private BlockProcessor() {
    }

    static List<Map<String, Object>> apply(WorkflowBlock block, List<Map<String, Object>> rows) {
        return switch (block.blockName()) {
            case "company_enrichment" -> enrich(rows, Enrichments::companyColumns);
            case "lead_enrichment" -> enrich(rows, Enrichments::leadColumns);
            case "find_email" -> enrich(rows, Enrichments::emailColumns);
            case "find_phone" -> enrich(rows, Enrichments::phoneColumns);
            case "filter" -> filter(block, rows);
            case "deduplicate" -> deduplicate(block, rows);
            default -> rows;
        };
    }

    /** The failure message a fixture asked this block to fail with, or {@code null}. */
    static String simulatedFailure(WorkflowBlock block) {
        return block.spec(SIMULATE_FAILURE_SPEC);
    }

    private static List<Map<String, Object>> enrich(List<Map<String, Object>> rows,
            Function<Map<String, Object>, Map<String, Object>> columns) {
        List<Map<String, Object>> enriched = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            columns.apply(row).forEach((column, value) -> {
                if (copy.get(column) == null) {
                    copy.put(column, value);
                }
            });
            enriched.add(copy);
        }
        return enriched;
    }

    /** Keeps rows whose {@code column} equals {@code equals}, or, without {@code equals}, is not empty. */
    private static List<Map<String, Object>> filter(WorkflowBlock block, List<Map<String, Object>> rows) {
        String column = block.spec("column");
        String expected = block.spec("equals");
        if (column == null) {
            return rows;
        }
        return rows.stream().filter(row -> {
            Object value = row.get(column);
            if (expected == null) {
                return value != null && !value.toString().isBlank();
            }
            return value != null && expected.equals(value.toString());
        }).toList();
    }

    /** Keeps the first row of each value of {@code column} (of the whole row without one). */
    private static List<Map<String, Object>> deduplicate(WorkflowBlock block, List<Map<String, Object>> rows) {
        String column = block.spec("column");
        Set<Object> seen = new HashSet<>();
        return rows.stream().filter(row -> seen.add(column == null ? row : Objects.toString(row.get(column))))
                .toList();
    }
}
