package dev.camelsixtyfour.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code sixtyfour:} endpoint. Set on the component they are the defaults of every endpoint;
 * set in a URI they override those defaults for that endpoint only.
 */
@UriParams
public class SixtyfourConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URI = "https://api.sixtyfour.ai";

    @UriParam(label = "security", secret = true,
              description = "The Sixtyfour API key, sent as the x-api-key header. Use RAW(...) in a URI when the key"
                            + " holds characters such as + & % or =.")
    private String apiKey;

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URI,
              description = "The base URI of the Sixtyfour API; change it to point at an emulator or a proxy.")
    private String baseUri = DEFAULT_BASE_URI;

    @UriParam(label = "common",
              description = "The id of the workflow to run; required for the workflow endpoint.")
    private String id;

    @UriParam(label = "producer", defaultValue = "run",
              description = "The operation to perform; the CamelSixtyfourOperation header overrides it.")
    private SixtyfourOperation operation = SixtyfourOperation.run;

    @UriParam(label = "producer",
              description = "A JSON object that overrides the source block's specs for every run; the"
                            + " CamelSixtyfourSpecsOverride header wins over it.")
    private String specsOverride;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Whether the run also saves its results as JSON (needed to download results as json).")
    private boolean saveJson;

    @UriParam(label = "producer", enums = "csv,json,ndjson",
              description = "Comma-separated formats the run saves its results in (csv, json, ndjson); empty for"
                            + " the service's default.")
    private String resultFormats;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Whether an empty list body starts a run with an empty webhook payload instead of being"
                            + " refused.")
    private boolean allowEmptyPayload;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Whether the exchange keeps its original body after a run started; by default the body"
                            + " becomes the run-started response.")
    private boolean keepBody;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Whether rows are checked against the workflow's input_schema (read once and cached)"
                            + " before the run is requested, so that a row missing a required column fails before"
                            + " any credit is spent.")
    private boolean validateInput;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a connection to the service, in milliseconds or as a duration"
                            + " such as 10s.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How long to wait for the answer to one request, in milliseconds or as a duration"
                            + " such as 30s.")
    private long requestTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "3",
              description = "How many times a request is retried after a 429, a 5xx or a connection failure; 0"
                            + " turns retries off.")
    private int maxRetries = 3;

    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration",
              description = "The backoff before the first retry; it doubles with every further retry, with jitter.")
    private long retryInitialDelay = 500;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "The cap on the backoff between two retries.")
    private long retryMaxDelay = 10_000;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The longest Retry-After advice of a 429 the component waits for; a longer advice fails"
                            + " at once with a SixtyfourRateLimitException carrying the advised wait.")
    private long maxRetryAfter = 60_000;

    @UriParam(label = "advanced",
              description = "The id of the Camel thread pool profile of the endpoint's worker pool, the threads on"
                            + " which the service's answers are read and exchanges continue their route. Empty for"
                            + " the context's default profile. The endpoint creates its pool when it starts and shuts"
                            + " it down when it stops.")
    private String workerPoolProfile;

    public SixtyfourConfiguration copy() {
        try {
            return (SixtyfourConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUri() {
        return baseUri;
    }

    public void setBaseUri(String baseUri) {
        this.baseUri = baseUri;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public SixtyfourOperation getOperation() {
        return operation;
    }

    public void setOperation(SixtyfourOperation operation) {
        this.operation = operation;
    }

    public String getSpecsOverride() {
        return specsOverride;
    }

    public void setSpecsOverride(String specsOverride) {
        this.specsOverride = specsOverride;
    }

    public boolean isSaveJson() {
        return saveJson;
    }

    public void setSaveJson(boolean saveJson) {
        this.saveJson = saveJson;
    }

    public String getResultFormats() {
        return resultFormats;
    }

    public void setResultFormats(String resultFormats) {
        this.resultFormats = resultFormats;
    }

    public boolean isAllowEmptyPayload() {
        return allowEmptyPayload;
    }

    public void setAllowEmptyPayload(boolean allowEmptyPayload) {
        this.allowEmptyPayload = allowEmptyPayload;
    }

    public boolean isKeepBody() {
        return keepBody;
    }

    public void setKeepBody(boolean keepBody) {
        this.keepBody = keepBody;
    }

    public boolean isValidateInput() {
        return validateInput;
    }

    public void setValidateInput(boolean validateInput) {
        this.validateInput = validateInput;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public String getWorkerPoolProfile() {
        return workerPoolProfile;
    }

    public void setWorkerPoolProfile(String workerPoolProfile) {
        this.workerPoolProfile = workerPoolProfile;
    }
}
