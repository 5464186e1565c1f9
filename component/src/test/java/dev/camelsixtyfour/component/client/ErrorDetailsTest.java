package dev.camelsixtyfour.component.client;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorDetailsTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"detail\": \"Workflow not found\"}|Workflow not found",
            "{\"detail\": [{\"loc\": [\"query\", \"limit\"], \"msg\": \"must be <= 500\", \"type\": \"x\"}]}"
            + "|query.limit: must be <= 500",
            "{\"error\": \"payment_required\", \"message\": \"Not enough credits\"}|payment_required: Not enough credits",
            "{\"message\": \"Only a message\"}|Only a message",
            "Bad gateway from the proxy|Bad gateway from the proxy" })
    void everyErrorFormReadsAsItsExplanation(String body, String expected) {
        assertThat(ErrorDetails.read(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Test
    void anEmptyBodyHasNoDetail() {
        assertThat(ErrorDetails.read(new byte[0])).isNull();
    }

    @Test
    void theSecretIsMaskedWhereverItAppears() {
        String masked = ErrorDetails.mask("Unknown API key k+y&1=%; key k+y&1=% expired", "k+y&1=%");

        assertThat(masked).doesNotContain("k+y&1=%").isEqualTo("Unknown API key ***; key *** expired");
    }

    @ParameterizedTest(name = "{0} names row {1} and column {2}")
    @CsvSource(delimiter = '|', value = {
            "webhook_payload[3] (row 4) is missing required column 'email' of the input_schema|3|email",
            "Row 2 is missing column \"company name\"|1|company name" })
    void aMissingColumnMessageNamesRowAndColumn(String detail, int row, String column) {
        assertThat(ErrorDetails.rowOf(detail)).isEqualTo(row);
        assertThat(ErrorDetails.columnOf(detail)).isEqualTo(column);
    }
}
