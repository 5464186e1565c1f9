package dev.camelsixtyfour.component.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsixtyfour.component.model.RunRequest;
import dev.camelsixtyfour.component.model.WebhookPayload;

/** Writes the JSON body of {@code POST /workflows/run}. */
final class RunRequestWriter {

    private static final byte[] PAYLOAD_FIELD = "\"webhook_payload\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SPECS_FIELD = "\"specs_override\":".getBytes(StandardCharsets.UTF_8);

    private RunRequestWriter() {
    }

    static byte[] write(RunRequest request) {
        ObjectMapper mapper = SixtyfourJson.mapper();
        WebhookPayload payload = request.payload();
        int sizeHint = payload != null && payload.hasRawJson() ? payload.rawJson().length + 64 : 256;
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
        try {
            out.write('{');
            if (payload != null) {
                out.write(PAYLOAD_FIELD);
                // JSON text from the exchange goes out as it came, so every byte of it arrives unchanged.
                out.write(payload.hasRawJson() ? payload.rawJson() : mapper.writeValueAsBytes(payload.rows()));
            }
            if (request.specsOverride() != null) {
                if (payload != null) {
                    out.write(',');
                }
                out.write(SPECS_FIELD);
                out.write(mapper.writeValueAsBytes(request.specsOverride()));
            }
            out.write('}');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the run request of workflow " + request.workflowId(), e);
        }
        return out.toByteArray();
    }
}
