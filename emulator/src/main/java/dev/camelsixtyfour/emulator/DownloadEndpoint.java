package dev.camelsixtyfour.emulator;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /downloads/{job_id}/block_{n}.{format}?expires=&signature=}: the emulator's stand-in for the signed
 * storage URLs of result files. No API key: the signature is the credential.
 */
final class DownloadEndpoint {

    private static final Pattern FILE = Pattern.compile("block_(\\d+)\\.(csv|json|ndjson)");

    private final RunEngine engine;
    private final DownloadSigner signer;

    DownloadEndpoint(RunEngine engine, DownloadSigner signer) {
        this.engine = engine;
        this.signer = signer;
    }

    void download(ApiExchange exchange, Map<String, String> pathParams) throws IOException {
        signer.verify(exchange.path(), exchange.queryParam("expires"), exchange.queryParam("signature"));

        Matcher file = FILE.matcher(pathParams.get("file"));
        Run run = engine.get(pathParams.get("job_id"));
        if (!file.matches() || run == null) {
            throw ApiException.detail(404, "Result file not found");
        }
        int blockNumber = Integer.parseInt(file.group(1));
        ResultFormat format = ResultFormat.fromWire(file.group(2));
        ResultFile result = run.files().stream().filter(candidate -> candidate.blockNumber() == blockNumber)
                .findFirst().orElseThrow(() -> ApiException.detail(404, "Result file not found"));
        exchange.respond(200, format.contentType(), result.content(format), Map.of());
    }
}
