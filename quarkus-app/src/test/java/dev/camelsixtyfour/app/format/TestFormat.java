package dev.camelsixtyfour.app.format;

import dev.camelsixtyfour.app.config.PipelineConfig.FormatConfig;
import dev.camelsixtyfour.app.config.PipelineConfig.FormatType;

/** A format setting as the configuration would give it. */
record TestFormat(FormatType type, String delimiter, String charset) implements FormatConfig {

    static TestFormat csv() {
        return new TestFormat(FormatType.CSV, "auto", "UTF-8");
    }

    static TestFormat of(FormatType type) {
        return new TestFormat(type, "auto", "UTF-8");
    }

    TestFormat withCharset(String name) {
        return new TestFormat(type, delimiter, name);
    }

    TestFormat withDelimiter(String value) {
        return new TestFormat(type, value, charset);
    }
}
