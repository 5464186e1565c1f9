package dev.camelsixtyfour.component.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One result file of a run. {@code results} holds the rows inline when the file is small, else null; then
 * {@code downloadUrl} (signed, fetched without the API key) is the way to the rows.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultFile(
        @JsonProperty("filename") String filename,
        @JsonProperty("storage_bucket") String storageBucket,
        @JsonProperty("row_count") Long rowCount,
        @JsonProperty("block_number") Integer blockNumber,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("file_size") Long fileSize,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("message") String message,
        @JsonProperty("download_url") String downloadUrl,
        @JsonProperty("download_expires_in_seconds") Integer downloadExpiresInSeconds,
        @JsonProperty("results") List<Map<String, Object>> results) {
}
