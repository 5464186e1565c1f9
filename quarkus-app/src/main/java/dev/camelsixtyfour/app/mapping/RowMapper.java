package dev.camelsixtyfour.app.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelsixtyfour.app.config.PipelineConfig.MappingConfig;

/** Turns a source row into a workflow row: renames and selects columns, adds constants, trims values. */
public final class RowMapper {

    private final Map<String, String> columns;
    private final Map<String, String> constants;
    private final boolean trim;
    private final boolean keepUnmapped;

    public RowMapper(MappingConfig mapping) {
        this.columns = Map.copyOf(mapping.columns());
        this.constants = Map.copyOf(mapping.constants());
        this.trim = mapping.trim();
        this.keepUnmapped = mapping.keepUnmapped();
    }

    public Map<String, Object> map(Map<String, Object> source) {
        Map<String, Object> target = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            source.forEach((name, value) -> target.put(clean(name), clean(value)));
        } else {
            columns.forEach((workflowColumn, sourceColumn) -> target.put(workflowColumn, clean(source.get(sourceColumn))));
            if (keepUnmapped) {
                source.forEach((name, value) -> keepIfUnmapped(target, name, value));
            }
        }
        constants.forEach(target::put);
        return target;
    }

    private void keepIfUnmapped(Map<String, Object> target, String name, Object value) {
        if (!columns.containsValue(name)) {
            target.putIfAbsent(clean(name), clean(value));
        }
    }

    private <T> T clean(T value) {
        if (trim && value instanceof String text) {
            @SuppressWarnings("unchecked")
            T trimmed = (T) text.strip();
            return trimmed;
        }
        return value;
    }
}
