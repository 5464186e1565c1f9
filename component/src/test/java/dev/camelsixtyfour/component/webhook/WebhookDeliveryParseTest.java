package dev.camelsixtyfour.component.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookDeliveryParseTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void workflowDeliveryWithInlineRows() throws WebhookRejectedException {
        WebhookDelivery delivery = parse("{\"event_id\":\"e-1\",\"event_type\":\"outgoing_webhook.completed\","
                                         + "\"run_id\":\"r-1\",\"workflow_id\":\"wf\",\"status\":\"completed\","
                                         + "\"row_count\":1,\"results\":[{\"name\":\"Acme\"}],"
                                         + "\"results_download_url\":\"http://127.0.0.1/x\"}");

        assertThat(delivery.kind()).isEqualTo(WebhookDelivery.Kind.WORKFLOW_RUN);
        assertThat(delivery.jobId()).isEqualTo("r-1");
        assertThat(delivery.rows()).containsExactly(Map.of("name", "Acme"));
        assertThat(delivery.downloadUrl()).as("inline rows win over the download").isNull();
    }

    @Test
    void workflowDeliveryWithOnlyADownloadUrl() throws WebhookRejectedException {
        WebhookDelivery delivery = parse("{\"event_id\":\"e-1\",\"run_id\":\"r-1\",\"status\":\"completed\","
                                         + "\"row_count\":5000,\"results\":null,"
                                         + "\"results_download_url\":\"http://127.0.0.1/big.csv\"}");

        assertThat(delivery.rows()).isNull();
        assertThat(delivery.downloadUrl()).isEqualTo("http://127.0.0.1/big.csv");
        assertThat(delivery.rowCount()).isEqualTo(5000);
    }

    @Test
    void asyncJobDeliveryWithResult() throws WebhookRejectedException {
        WebhookDelivery delivery = parse("{\"task_id\":\"t-1\",\"status\":\"completed\",\"task_type\":\"find_email\","
                                         + "\"result\":{\"email\":\"a@b.c\"}}");

        assertThat(delivery.kind()).isEqualTo(WebhookDelivery.Kind.ASYNC_JOB);
        assertThat(delivery.eventType()).isEqualTo("find_email");
        assertThat(delivery.result()).isEqualTo(Map.of("email", "a@b.c"));
    }

    @Test
    void asyncJobDeliveryWithError() throws WebhookRejectedException {
        WebhookDelivery delivery = parse("{\"task_id\":\"t-1\",\"status\":\"failed\",\"task_type\":\"find_email\","
                                         + "\"error\":\"no mailbox\"}");

        assertThat(delivery.error()).isEqualTo("no mailbox");
        assertThat(delivery.result()).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"status\":\"completed\",\"results\":[]}|run_id is missing",
            "{\"run_id\":\"r\",\"results\":[]}|status is missing",
            "{\"run_id\":\"r\",\"status\":\"completed\"}|neither a results array nor results_download_url",
            "{\"run_id\":\"r\",\"status\":\"completed\",\"results\":[1]}|results[0] is not an object",
            "{\"task_id\":\"t\",\"status\":\"completed\"}|neither result nor error",
            "{\"task_id\":\"t\",\"result\":{}}|status is missing",
            "[1,2]|not a JSON object",
            "{\"run_id\":|not valid JSON" })
    void rejectsIncompleteBodies(String body, String reason) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.getRejection()).isEqualTo(WebhookRejection.INCOMPLETE_BODY))
                .hasMessageContaining(reason);
    }

    private static WebhookDelivery parse(String body) throws WebhookRejectedException {
        return WebhookDelivery.parse(body.getBytes(StandardCharsets.UTF_8), MAPPER);
    }
}
