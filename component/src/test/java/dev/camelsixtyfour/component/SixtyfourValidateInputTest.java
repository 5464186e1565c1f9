package dev.camelsixtyfour.component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.camelsixtyfour.emulator.EmulatorDefaults;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SixtyfourValidateInputTest extends SixtyfourTestSupport {

    private static final String VALIDATED_LEADS = "sixtyfour:workflow?validateInput=true&id="
                                                  + EmulatorDefaults.LEAD_WORKFLOW_ID;
    private static final String WORKFLOW_PATH = "/workflows/" + EmulatorDefaults.LEAD_WORKFLOW_ID;

    @ParameterizedTest(name = "a row whose email is {0} fails before any run request")
    @ValueSource(strings = { "absent", "null", "blank" })
    void rowMissingARequiredColumnFailsBeforeAnyCreditIsSpent(String how) {
        Map<String, Object> bad = new HashMap<>(Map.of("name", "Nobody"));
        if (!"absent".equals(how)) {
            bad.put("email", "null".equals(how) ? null : "  ");
        }
        List<Map<String, Object>> rows = List.of(Map.of("email", "tim.cook@apple.com"), bad);

        Exchange result = send(VALIDATED_LEADS, rows);

        assertThat(result.getException()).isInstanceOf(SixtyfourException.class)
                .hasMessageContaining("Row 1").hasMessageContaining("'email'");
        SixtyfourException error = (SixtyfourException) result.getException();
        assertThat(error.getRowIndex()).isEqualTo(1);
        assertThat(error.getColumn()).isEqualTo("email");
        assertThat(error.getWorkflowId()).isEqualTo(EmulatorDefaults.LEAD_WORKFLOW_ID);
        assertThat(emulator().requests(RUN_PATH)).isEmpty();
    }

    @Test
    void theSchemaIsReadOnceForManyExchanges() {
        for (int i = 0; i < 5; i++) {
            Exchange result = send(VALIDATED_LEADS, List.of(Map.of("email", "lead" + i + "@example.com")));
            assertThat(result.getException()).isNull();
        }

        assertThat(emulator().requests(WORKFLOW_PATH)).hasSize(1);
        assertThat(emulator().requests(RUN_PATH)).hasSize(5);
    }

    @Test
    void aSingleRowIsCheckedToo() {
        Exchange result = send(VALIDATED_LEADS, Map.of("name", "Nobody"));

        assertThat(((SixtyfourException) result.getException()).getRowIndex()).isZero();
        assertThat(emulator().requests(RUN_PATH)).isEmpty();
    }

    @Test
    void aReadCsvWorkflowIsRefusedBeforeAnyRunRequest() {
        Exchange result = send("sixtyfour:workflow?validateInput=true&id=" + EmulatorDefaults.READ_CSV_WORKFLOW_ID,
                List.of(Map.of("symbol", "MMM")));

        assertThat(result.getException()).isInstanceOf(SixtyfourException.class).hasMessageContaining("read_csv");
        assertThat(emulator().requests(RUN_PATH)).isEmpty();
    }

    @Test
    void withoutValidationTheServiceRefusesTheRow() {
        Exchange result = send("sixtyfour:workflow?id=" + EmulatorDefaults.LEAD_WORKFLOW_ID,
                List.of(Map.of("name", "Nobody")));

        assertThat(((SixtyfourException) result.getException()).getStatusCode()).isEqualTo(400);
        assertThat(emulator().requests(WORKFLOW_PATH)).isEmpty();
        assertThat(emulator().requests(RUN_PATH)).hasSize(1);
    }

    @Test
    void aFailedSchemaReadIsRetriedByTheNextExchange() {
        emulator().faults().failNext(WORKFLOW_PATH, 404, 1);

        Exchange first = send(VALIDATED_LEADS + "&maxRetries=0", List.of(Map.of("email", "a@example.com")));
        Exchange second = send(VALIDATED_LEADS + "&maxRetries=0", List.of(Map.of("email", "a@example.com")));

        assertThat(((SixtyfourException) first.getException()).getStatusCode()).isEqualTo(404);
        assertThat(second.getException()).isNull();
        assertThat(emulator().requests(WORKFLOW_PATH)).hasSize(2);
    }
}
