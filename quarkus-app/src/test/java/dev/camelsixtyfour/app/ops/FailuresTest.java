package dev.camelsixtyfour.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;

import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void aFailureWithoutMessageIsNamedByItsTypeAndCause() {
        Exception failure = new UncheckedIOException(null, new ConnectException());

        assertThat(Failures.describe(failure)).isEqualTo("UncheckedIOException: ConnectException");
    }

    @Test
    void aMultiLineMessageBecomesOneLine() {
        Exception failure = new IOException("Unexpected end-of-input\n at [Source: REDACTED; line: 1, column: 40]\n");

        assertThat(Failures.describe(failure))
                .isEqualTo("Unexpected end-of-input at [Source: REDACTED; line: 1, column: 40]");
    }
}
