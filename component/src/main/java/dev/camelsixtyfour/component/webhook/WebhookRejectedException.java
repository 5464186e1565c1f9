package dev.camelsixtyfour.component.webhook;

/**
 * A webhook delivery that must not reach the route: carries the rejection kind and a detail naming the offending
 * value (never the secret or the expected signature).
 */
public class WebhookRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final WebhookRejection rejection;

    public WebhookRejectedException(WebhookRejection rejection, String detail) {
        super(rejection.reason() + ": " + detail);
        this.rejection = rejection;
    }

    public WebhookRejection getRejection() {
        return rejection;
    }

    public int getHttpStatus() {
        return rejection.httpStatus();
    }
}
