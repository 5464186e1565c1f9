package dev.camelsixtyfour.app.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
}
