package dev.camelsixtyfour.app.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.camelsixtyfour.app.config.PipelineConfig.MappingConfig;

/** The workflow row's columns come in source order every run, whatever order the configuration's maps iterate in. */
class RowMapperColumnOrderTest {

    private static final List<String> SOURCE_HEADER = List.of("Symbol", "Security", "GICS Sector",
            "GICS Sub-Industry", "Headquarters Location", "Date added", "CIK", "Founded");

    @Test
    void mappedColumnsFollowTheSourceHeaderThenUnmappedThenConstantsByName() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("founded", "Founded");
        columns.put("headquarters", "Headquarters Location");
        columns.put("cik", "CIK");
        columns.put("sector", "GICS Sector");
        columns.put("name", "Security");
        columns.put("symbol", "Symbol");
        Map<String, String> constants = new LinkedHashMap<>();
        constants.put("source", "sp500");
        constants.put("country", "US");

        Map<String, Object> mapped = new RowMapper(mapping(columns, constants, true)).map(sourceRow());

        assertThat(mapped.keySet()).containsExactly("symbol", "name", "sector", "headquarters", "cik", "founded",
                "GICS Sub-Industry", "Date added", "country", "source");
    }

    private static Map<String, Object> sourceRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        SOURCE_HEADER.forEach(column -> row.put(column, column + " value"));
        return row;
    }

    private static MappingConfig mapping(Map<String, String> columns, Map<String, String> constants,
            boolean keepUnmapped) {
        return new MappingConfig() {
            @Override
            public Map<String, String> columns() {
                return columns;
            }

            @Override
            public Map<String, String> constants() {
                return constants;
            }

            @Override
            public boolean trim() {
                return true;
            }

            @Override
            public boolean keepUnmapped() {
                return keepUnmapped;
            }

            @Override
            public Optional<List<String>> required() {
                return Optional.empty();
            }
        };
    }
}
