package dev.camelsixtyfour.component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.ErrorForm;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SixtyfourRunErrorStatusTest extends SixtyfourTestSupport {

    private static final List<Map<String, Object>> ROWS = List.of(Map.of("symbol", "MMM", "name", "3M"));
    private static final String NO_RETRIES = "&maxRetries=0";

    @ParameterizedTest(name = "HTTP {0} becomes a SixtyfourException with status and detail")
    @ValueSource(ints = { 400, 401, 402, 403, 404, 409, 413, 422, 500, 502, 503, 504 })
    void errorStatusBecomesTheOneExceptionType(int status) {
        emulator().faults().failNext(RUN_PATH, status, 1);

        SixtyfourException error = failure(send(COMPANY_RUN + NO_RETRIES, ROWS));

        assertThat(error.getStatusCode()).isEqualTo(status);
        assertThat(error.getHttpResponseCode()).isEqualTo(status);
        assertThat(error.getDetail()).isNotBlank();
        assertThat(error.getWorkflowId()).isEqualTo(EmulatorDefaults.COMPANY_WORKFLOW_ID);
        assertThat(error).hasMessageContaining("HTTP " + status).hasMessageContaining(error.getDetail());
    }

    @ParameterizedTest(name = "the service's detail is read from the {0} error form")
    @EnumSource(ErrorForm.class)
    void detailIsReadFromEveryErrorForm(ErrorForm form) {
        emulator().faults().failNext(RUN_PATH, 402, 1, form);

        SixtyfourException error = failure(send(COMPANY_RUN, ROWS));

        assertThat(error.getStatusCode()).isEqualTo(402);
        assertThat(error.getDetail()).contains("Injected fault: HTTP 402").doesNotStartWith("{");
    }

    @Test
    void tooManyRequestsWithoutRetriesIsTheRateLimitException() {
        emulator().faults().failNext(RUN_PATH, 429, 1);

        SixtyfourException error = failure(send(COMPANY_RUN + NO_RETRIES, ROWS));

        assertThat(error).isInstanceOf(SixtyfourRateLimitException.class);
        assertThat(error.getStatusCode()).isEqualTo(429);
    }

    @Test
    void rowMissingARequiredColumnNamesRowAndColumn() {
        List<Map<String, Object>> rows = List.of(Map.of("symbol", "MMM", "name", "3M"), Map.of("symbol", "AOS"));

        SixtyfourException error = failure(send(COMPANY_RUN, rows));

        assertThat(error.getStatusCode()).isEqualTo(400);
        assertThat(error.getRowIndex()).isEqualTo(1);
        assertThat(error.getColumn()).isEqualTo("name");
    }

    @Test
    void readCsvWorkflowRefusesAPayload() {
        SixtyfourException error = failure(send("sixtyfour:workflow?id=" + EmulatorDefaults.READ_CSV_WORKFLOW_ID, ROWS));

        assertThat(error.getStatusCode()).isEqualTo(400);
        assertThat(error.getDetail()).contains("read_csv");
        assertThat(error.getWorkflowId()).isEqualTo(EmulatorDefaults.READ_CSV_WORKFLOW_ID);
    }

    @Test
    void unknownKeyIsUnauthorisedAndNeverNamed() {
        String wrongKey = "sk-not-a-real-key-" + UUID.randomUUID();

        SixtyfourException error = failure(send(COMPANY_RUN + "&apiKey=RAW(" + wrongKey + ")", ROWS));

        assertThat(error.getStatusCode()).isEqualTo(401);
        assertThat(error.getMessage()).doesNotContain(wrongKey);
        assertThat(error.getDetail()).doesNotContain(wrongKey);
    }

    @Test
    void workflowOfAnotherOrganisationIsForbidden() {
        SixtyfourException error = failure(send("sixtyfour:workflow?id=" + EmulatorDefaults.OTHER_ORG_WORKFLOW_ID, ROWS));

        assertThat(error.getStatusCode()).isEqualTo(403);
    }

    @Test
    void unknownWorkflowIsNotFound() {
        String unknown = UUID.randomUUID().toString();

        SixtyfourException error = failure(send("sixtyfour:workflow?id=" + unknown, ROWS));

        assertThat(error.getStatusCode()).isEqualTo(404);
        assertThat(error.getWorkflowId()).isEqualTo(unknown);
    }

    @Test
    void bodyOverTheServiceLimitIsTooLarge() {
        emulator().faults().bodyLimit(16);

        SixtyfourException error = failure(send(COMPANY_RUN, ROWS));

        assertThat(error.getStatusCode()).isEqualTo(413);
    }

    @Test
    void clientErrorsAreNotRetried() {
        emulator().faults().failNext(RUN_PATH, 402, 1);

        failure(send(COMPANY_RUN, ROWS));

        assertThat(emulator().requests(RUN_PATH)).hasSize(1);
    }

    static SixtyfourException failure(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(SixtyfourException.class);
        return (SixtyfourException) exchange.getException();
    }
}
