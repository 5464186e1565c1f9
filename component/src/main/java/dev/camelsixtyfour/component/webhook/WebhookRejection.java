package dev.camelsixtyfour.component.webhook;

/**
 * Why a webhook delivery was refused, with the HTTP status the receiver answers.
 */
public enum WebhookRejection {

    UNSIGNED(401, "the delivery carries no Sixtyfour-Signature header"),
    MALFORMED_SIGNATURE(400, "the Sixtyfour-Signature header is malformed"),
    STALE_TIMESTAMP(401, "the signature timestamp is older than the tolerance"),
    FUTURE_TIMESTAMP(401, "the signature timestamp is further in the future than the tolerance"),
    SIGNATURE_MISMATCH(401, "no v1 signature matches the body"),
    BODY_TOO_LARGE(413, "the body is larger than the configured maximum"),
    INCOMPLETE_BODY(400, "the body is not a complete Sixtyfour delivery");

    private final int httpStatus;
    private final String reason;

    WebhookRejection(int httpStatus, String reason) {
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String reason() {
        return reason;
    }
}
