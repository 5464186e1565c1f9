package dev.camelsixtyfour.emulator;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Describes result files the way {@code download-links} answers: inline rows when small, a signed URL always. */
final class ResultLinks {

    static final String STORAGE_BUCKET = "sixtyfour-emulator-results";

    private final Supplier<URI> baseUri;
    private final DownloadSigner signer;
    private final int inlineRowLimit;

    ResultLinks(Supplier<URI> baseUri, DownloadSigner signer, int inlineRowLimit) {
        this.baseUri = baseUri;
        this.signer = signer;
        this.inlineRowLimit = inlineRowLimit;
    }

    int inlineRowLimit() {
        return inlineRowLimit;
    }

    URI downloadUrl(String jobId, int blockNumber, ResultFormat format) {
        return signer.sign(baseUri.get(), jobId, blockNumber, format);
    }

    /** The {@code WorkflowResultItemWithDownload} shape. */
    Map<String, Object> describe(String jobId, ResultFile file, ResultFormat format) {
        boolean inline = file.rows().size() <= inlineRowLimit;
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("filename", file.filename(format));
        item.put("storage_bucket", STORAGE_BUCKET);
        item.put("row_count", file.rows().size());
        item.put("block_number", file.blockNumber());
        item.put("created_at", file.createdAt().toString());
        item.put("message", null);
        item.put("content_type", format.contentType());
        item.put("file_size", file.content(format).length);
        item.put("download_url", downloadUrl(jobId, file.blockNumber(), format).toString());
        item.put("download_expires_in_seconds", signer.expiry().toSeconds());
        item.put("results", inline ? file.rows() : null);
        return item;
    }
}
