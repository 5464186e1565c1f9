package dev.camelsixtyfour.component;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How the webhook consumer receives and checks deliveries.
 */
@UriParams
public class SixtyfourWebhookConfiguration {

    @UriParam(label = "consumer",
              description = "webhook: the HTTP path deliveries are POSTed to, served through camel platform-http"
                            + " (for example /sixtyfour/deliveries); required for the webhook endpoint.")
    private String path;

    @UriParam(label = "security", secret = true,
              description = "webhook: the organisation's signing secret (sk_whsec_...); every delivery's"
                            + " Sixtyfour-Signature is checked with it over the exact bytes received.")
    private String signingSecret;

    @UriParam(label = "security", defaultValue = "false",
              description = "webhook: whether deliveries without a Sixtyfour-Signature header are accepted. Only for"
                            + " organisations that have no signing secret yet; a signed delivery is still checked"
                            + " when a signingSecret is set.")
    private boolean allowUnsigned;

    @UriParam(label = "security", defaultValue = "300000", javaType = "java.time.Duration",
              description = "webhook: how far the signature's timestamp may be from this clock, in either direction.")
    private long signatureTolerance = 300_000;

    @UriParam(label = "consumer", defaultValue = "10485760",
              description = "webhook: the largest delivery body accepted, in bytes; a larger one is answered 413.")
    private long maxBodySize = 10L * 1024 * 1024;

    @UriParam(label = "consumer,advanced", defaultValue = "2",
              description = "webhook: how many accepted deliveries are handed to the route at the same time.")
    private int webhookConcurrency = 2;

    @UriParam(label = "consumer,advanced", defaultValue = "100",
              description = "webhook: how many accepted deliveries may wait for the route; beyond it deliveries are"
                            + " answered 503 so that the sender retries later.")
    private int webhookQueueSize = 100;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getSigningSecret() {
        return signingSecret;
    }

    public void setSigningSecret(String signingSecret) {
        this.signingSecret = signingSecret;
    }

    public boolean isAllowUnsigned() {
        return allowUnsigned;
    }

    public void setAllowUnsigned(boolean allowUnsigned) {
        this.allowUnsigned = allowUnsigned;
    }

    public long getSignatureTolerance() {
        return signatureTolerance;
    }

    public void setSignatureTolerance(long signatureTolerance) {
        this.signatureTolerance = signatureTolerance;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public int getWebhookConcurrency() {
        return webhookConcurrency;
    }

    public void setWebhookConcurrency(int webhookConcurrency) {
        this.webhookConcurrency = webhookConcurrency;
    }

    public int getWebhookQueueSize() {
        return webhookQueueSize;
    }

    public void setWebhookQueueSize(int webhookQueueSize) {
        this.webhookQueueSize = webhookQueueSize;
    }
}
