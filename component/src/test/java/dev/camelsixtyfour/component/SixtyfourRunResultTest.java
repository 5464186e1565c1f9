package dev.camelsixtyfour.component;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsixtyfour.component.model.RunStarted;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.emulator.EmulatedRun;
import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SixtyfourRunResultTest extends SixtyfourTestSupport {

    private static final List<Map<String, Object>> ROWS = List.of(Map.of("symbol", "MMM", "name", "3M"),
            Map.of("symbol", "AOS", "name", "A. O. Smith"), Map.of("symbol", "ABT", "name", "Abbott"));

    @Test
    void headersTellTheRouteWhichRunStarted() {
        Exchange result = send(COMPANY_RUN, ROWS);

        EmulatedRun run = emulator().runs().get(0);
        assertThat(result.getMessage().getHeaders())
                .containsEntry(SixtyfourConstants.JOB_ID, run.jobId())
                .containsEntry(SixtyfourConstants.WORKFLOW_ID, EmulatorDefaults.COMPANY_WORKFLOW_ID)
                .containsEntry(SixtyfourConstants.RUN_STATUS, RunStatus.queued)
                .containsEntry(SixtyfourConstants.ALREADY_STARTED, false)
                .containsEntry(SixtyfourConstants.ROW_COUNT, 3);
    }

    @Test
    void bodyBecomesTheTypedRunStartedResponse() {
        Exchange result = send(COMPANY_RUN, ROWS);

        RunStarted started = result.getMessage().getBody(RunStarted.class);
        assertThat(started.jobId()).isEqualTo(emulator().runs().get(0).jobId());
        assertThat(started.workflowId()).isEqualTo(EmulatorDefaults.COMPANY_WORKFLOW_ID);
        assertThat(started.status()).isEqualTo(RunStatus.queued);
        assertThat(started.isAlreadyStarted()).isFalse();
    }

    @Test
    void keepBodyLeavesTheOriginalBody() {
        Exchange result = send(COMPANY_RUN + "&keepBody=true", ROWS);

        assertThat(result.getMessage().getBody()).isSameAs(ROWS);
        assertThat(result.getMessage().getHeader(SixtyfourConstants.JOB_ID)).isEqualTo(emulator().runs().get(0).jobId());
    }

    @Test
    void rowsReachTheRun() {
        send(COMPANY_RUN, ROWS);

        assertThat(emulator().runs()).singleElement().satisfies(run -> assertThat(run.rows()).isEqualTo(ROWS));
    }

    @Test
    void saveJsonAndResultFormatsAreSentAsQueryParameters() {
        send(COMPANY_RUN + "&saveJson=true&resultFormats=ndjson,csv", ROWS);

        RecordedRequest request = emulator().requests(RUN_PATH).get(0);
        assertThat(request.queryParameters())
                .containsEntry("workflow_id", List.of(EmulatorDefaults.COMPANY_WORKFLOW_ID))
                .containsEntry("save_json", List.of("true"))
                .containsEntry("result_formats", List.of("csv", "ndjson"));
        assertThat(emulator().runs().get(0).saveJson()).isTrue();
    }

    @Test
    void specsOverrideOptionIsSent() throws Exception {
        send(COMPANY_RUN + "&specsOverride=RAW({\"dataframe_type\":\"COMPANY\"})", ROWS);

        assertThat(sentBody().get("specs_override")).isEqualTo(json("{\"dataframe_type\":\"COMPANY\"}"));
    }

    @Test
    void specsOverrideHeaderWinsOverTheOption() throws Exception {
        template.send(COMPANY_RUN + "&specsOverride=RAW({\"dataframe_type\":\"COMPANY\"})", exchange -> {
            exchange.getMessage().setBody(ROWS);
            exchange.getMessage().setHeader(SixtyfourConstants.SPECS_OVERRIDE, Map.of("dataframe_type", "LEAD"));
        });

        assertThat(sentBody().get("specs_override")).isEqualTo(json("{\"dataframe_type\":\"LEAD\"}"));
    }

    @Test
    void specsOverrideHeaderMayBeJsonText() throws Exception {
        template.send(COMPANY_RUN, exchange -> {
            exchange.getMessage().setBody(ROWS);
            exchange.getMessage().setHeader(SixtyfourConstants.SPECS_OVERRIDE, "{\"dataframe_type\":\"LEAD\"}");
        });

        assertThat(sentBody().get("specs_override")).isEqualTo(json("{\"dataframe_type\":\"LEAD\"}"));
    }

    @Test
    void noSpecsOverrideIsSentWhenNoneIsGiven() throws Exception {
        send(COMPANY_RUN, ROWS);

        assertThat(sentBody().has("specs_override")).isFalse();
        assertThat(emulator().requests(RUN_PATH).get(0).queryParameters()).doesNotContainKeys("save_json",
                "result_formats");
    }

    private static JsonNode sentBody() throws Exception {
        return json(emulator().requests(RUN_PATH).get(0).bodyAsString());
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
