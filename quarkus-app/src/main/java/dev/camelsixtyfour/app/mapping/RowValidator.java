package dev.camelsixtyfour.app.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a mapped row against the columns the workflow requires; a row that fails is rejected, the others go on. */
public final class RowValidator {

    private final Set<String> required;

    public RowValidator(Set<String> required) {
        this.required = Set.copyOf(required);
    }

    public Set<String> required() {
        return required;
    }

    /** The reason the row is rejected, or empty when it is fit to send. */
    public Optional<String> problem(Map<String, Object> row) {
        List<String> missing = required.stream()
                .filter(column -> isBlank(row.get(column)))
                .sorted()
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("missing required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
    }

    private static boolean isBlank(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }
}
