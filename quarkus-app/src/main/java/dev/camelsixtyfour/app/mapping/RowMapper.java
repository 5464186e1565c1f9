package dev.camelsixtyfour.app.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.camelsixtyfour.app.config.PipelineConfig.MappingConfig;

/**
 * Turns a source row into a workflow row: renames and selects columns, adds constants, trims values. The workflow
 * row's columns come in a fixed order, whatever order the configuration's maps iterate in (random per JVM): mapped
 * columns in the order of their source columns in the row, then unmapped source columns, then constants by name.
 */
public final class RowMapper {

    private final Map<String, String> columns;
    private final Map<String, String> constants;
    private final boolean trim;
    private final boolean keepUnmapped;

    public RowMapper(MappingConfig mapping) {
        this.columns = Map.copyOf(mapping.columns());
        this.constants = new TreeMap<>(mapping.constants());
        this.trim = mapping.trim();
        this.keepUnmapped = mapping.keepUnmapped();
    }

    public Map<String, Object> map(Map<String, Object> source) {
        Map<String, Object> target = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            source.forEach((name, value) -> target.put(clean(name), clean(value)));
        } else {
            inSourceOrder(source).forEach(workflowColumn ->
                    target.put(workflowColumn, clean(source.get(columns.get(workflowColumn)))));
            if (keepUnmapped) {
                source.forEach((name, value) -> keepIfUnmapped(target, name, value));
            }
        }
        constants.forEach(target::put);
        return target;
    }

    /** The mapped workflow columns ordered by their source column's position; absent source columns last, by name. */
    private List<String> inSourceOrder(Map<String, Object> source) {
        List<String> sourceColumns = new ArrayList<>(source.keySet());
        Comparator<String> bySourcePosition = Comparator.comparingInt(workflowColumn -> {
            int position = sourceColumns.indexOf(columns.get(workflowColumn));
            return position < 0 ? Integer.MAX_VALUE : position;
        });
        return columns.keySet().stream()
                .sorted(bySourcePosition.thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /**
     * The source columns the given workflow columns are taken from that {@code header} lacks (a constant needs none;
     * an unmapped column passes under its own name only when {@code columns} is empty or keep-unmapped is set).
     */
    public List<String> missingSourceColumns(Collection<String> workflowColumns, List<String> header) {
        return workflowColumns.stream()
                .filter(workflowColumn -> !constants.containsKey(workflowColumn))
                .map(workflowColumn -> columns.getOrDefault(workflowColumn,
                        columns.isEmpty() || keepUnmapped ? workflowColumn : null))
                .filter(sourceColumn -> sourceColumn != null && !header.contains(sourceColumn))
                .distinct()
                .sorted()
                .toList();
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
