package dev.camelsixtyfour.app.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.support.ArtemisResource;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.SourcesProfile;
import dev.camelsixtyfour.app.support.Sp500Rows;
import dev.camelsixtyfour.app.support.TestFiles;

/** POST /ingest/{pipeline} driven as a client would, with rows of the S&P 500 list. */
@QuarkusTest
@TestProfile(SourcesProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ArtemisResource.class, restrictToAnnotatedClass = true)
class HttpIngestTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String BEARER = "Bearer " + SourcesProfile.INGEST_TOKEN;

    @TestHTTPResource("/ingest/" + SourcesProfile.HTTP)
    URI ingest;

    @TestHTTPResource("/ingest/")
    URI ingestRoot;

    @Inject
    BatchStore store;

    @Test
    void csvRowsAreStoredBeforeTheAnswerAndReachTheWorkflowOnce() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(0, 40);

        HttpResponse<String> response = post(ingest, BEARER, "text/csv", Sp500Rows.csv(rows));

        assertThat(response.statusCode()).isEqualTo(202);
        Map<String, Object> receipt = parse(response.body());
        assertThat(receipt).containsEntry("accepted", rows.size()).containsEntry("rejected", 0);
        // Every row was stored in the repository before the 202 was sent.
        assertThat(store.handedUpTo(SourcesProfile.HTTP, "http:" + receipt.get("receiptId")))
                .isEqualTo(rows.size());
        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().containsAll(Sp500Rows.symbols(rows)));
        assertThat(Sp500Rows.sentSymbols()).filteredOn(Sp500Rows.symbols(rows)::contains)
                .containsExactlyInAnyOrderElementsOf(Sp500Rows.symbols(rows));
    }

    @Test
    void badRowsAnswer400WithTheirErrorsWhileTheGoodRowsAreStored() throws Exception {
        List<Object> records = new ArrayList<>(Sp500Rows.slice(40, 45));
        Map<String, String> noName = new LinkedHashMap<>(Sp500Rows.slice(45, 46).get(0));
        noName.remove("Security");
        records.add(1, noName);
        records.add(3, "not a record");

        HttpResponse<String> response = post(ingest, BEARER, "application/json", Sp500Rows.jsonArray(records));

        assertThat(response.statusCode()).isEqualTo(400);
        Map<String, Object> receipt = parse(response.body());
        assertThat(receipt).containsEntry("accepted", 5).containsEntry("rejected", 2).containsKey("receiptId");
        List<Map<String, Object>> errors = errors(receipt);
        assertThat(errors).extracting(error -> error.get("row")).containsExactly(2, 4);
        assertThat(String.valueOf(errors.get(0).get("reason"))).contains("name");
        assertThat(String.valueOf(errors.get(1).get("reason"))).contains("not an object");
        Path rejected = EmulatorResource.root().resolve("out").resolve(SourcesProfile.HTTP).resolve("rejected")
                .resolve("http-" + receipt.get("receiptId") + ".rejected.ndjson");
        assertThat(TestFiles.ndjsonLines(rejected)).hasSize(2);
        List<String> good = Sp500Rows.symbols(Sp500Rows.slice(40, 45));
        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().containsAll(good));
        assertThat(Sp500Rows.sentSymbols()).doesNotContain(noName.get("Symbol"));
    }

    @Test
    void aBodyThatCannotBeReadAnswers400AndStoresNothing() throws Exception {
        String truncated = Sp500Rows.jsonArray(Sp500Rows.slice(46, 48));

        HttpResponse<String> response = post(ingest, BEARER, "application/json",
                truncated.substring(0, truncated.length() - 1));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(parse(response.body())).doesNotContainKey("receiptId").containsKey("errors");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer wrong-token", "Basic dGVzdDp0ZXN0"})
    void withoutTheIngestTokenTheAnswerIs401(String authorization) throws Exception {
        HttpResponse<String> response = post(ingest, authorization, "text/csv",
                Sp500Rows.csv(Sp500Rows.slice(48, 50)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(SourcesProfile.INGEST_TOKEN);
    }

    @Test
    void aBodyAboveTheLimitAnswers413() throws Exception {
        String body = Sp500Rows.csv(Sp500Rows.slice(0, 500));
        assertThat(body.length()).isGreaterThan(SourcesProfile.MAX_BODY_BYTES);

        HttpRequest request = HttpRequest.newBuilder(ingest).header("Content-Type", "text/csv")
                .header("Authorization", BEARER).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void anUnknownCharsetAnswers415NamingIt() throws Exception {
        HttpResponse<String> response = post(ingest, BEARER, "text/csv; charset=bogus-9",
                Sp500Rows.csv(Sp500Rows.slice(50, 52)));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("bogus-9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-pipeline", SourcesProfile.CORE})
    void aPipelineWithoutAnHttpSourceAnswers404(String pipeline) throws Exception {
        HttpResponse<String> response = post(ingestRoot.resolve(pipeline), BEARER, "text/csv",
                Sp500Rows.csv(Sp500Rows.slice(48, 50)));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> post(URI uri, String authorization, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> receipt) {
        return (List<Map<String, Object>>) receipt.get("errors");
    }

    private static Map<String, Object> parse(String body) throws IOException {
        return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
        });
    }
}
