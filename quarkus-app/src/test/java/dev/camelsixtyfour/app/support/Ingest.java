package dev.camelsixtyfour.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Rows POSTed to the app's /ingest/{pipeline}, as a client of an http source would. */
public final class Ingest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Ingest() {
    }

    /** POSTs the rows as CSV; returns the answer's status. */
    public static int csv(URI ingestRoot, String pipeline, List<Map<String, String>> rows)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(ingestRoot.resolve(pipeline))
                .header("Authorization", "Bearer " + SourcesProfile.INGEST_TOKEN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(Sp500Rows.csv(rows)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * POSTs the rows (one batch: fewer than the pipeline's max-rows) and returns the batch's manifest line once it
     * is written to the outbox.
     */
    public static Map<String, Object> csvToOutbox(URI ingestRoot, String pipeline, List<Map<String, String>> rows)
            throws IOException, InterruptedException {
        Path manifest = EmulatorResource.root().resolve("out").resolve(pipeline).resolve("manifest.ndjson");
        int before = Files.exists(manifest) ? TestFiles.ndjsonLines(manifest).size() : 0;
        assertThat(csv(ingestRoot, pipeline, rows)).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(manifest) && TestFiles.ndjsonLines(manifest).size() > before);
        Map<String, Object> batch = TestFiles.ndjsonLines(manifest).get(before);
        assertThat(batch).containsEntry("rows_out", rows.size());
        return batch;
    }
}
