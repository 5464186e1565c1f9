package dev.camelsixtyfour.component;

import java.util.Arrays;
import java.util.Map;

import dev.camelsixtyfour.component.client.RequestRateLimiter;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.URISupport;

/**
 * Creates {@code sixtyfour:} endpoints. The component's options are the defaults of every endpoint; the client-side
 * rate limit belongs to the component alone, so that all its endpoints share one budget.
 */
@Component("sixtyfour")
public class SixtyfourComponent extends DefaultComponent {

    @Metadata(description = "The component configuration: the defaults of every endpoint.")
    private SixtyfourConfiguration configuration = new SixtyfourConfiguration();

    // Known limitation: one budget per component instance; endpoints needing separate budgets need separate instances.
    @Metadata(label = "advanced", defaultValue = "0",
              description = "The most requests a minute that all endpoints of this component together send to the"
                            + " service; requests beyond it wait their turn without holding a thread. 0 turns the"
                            + " limit off.")
    private int rateLimit;

    private volatile RequestRateLimiter rateLimiter = RequestRateLimiter.unlimited();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SixtyfourKind kind = parseKind(uri, remaining);
        SixtyfourEndpoint endpoint = new SixtyfourEndpoint(uri, this, kind, configuration.copy());
        setProperties(endpoint, parameters);

        checkRequiredOptions(uri, endpoint);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        rateLimiter = rateLimit > 0 ? RequestRateLimiter.perMinute(rateLimit) : RequestRateLimiter.unlimited();
    }

    private static SixtyfourKind parseKind(String uri, String remaining) {
        for (SixtyfourKind kind : SixtyfourKind.values()) {
            if (kind.name().equals(remaining)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown Sixtyfour endpoint kind '" + remaining + "' in "
                                           + URISupport.sanitizeUri(uri) + "; expected one of "
                                           + Arrays.toString(SixtyfourKind.values()));
    }

    private static void checkRequiredOptions(String uri, SixtyfourEndpoint endpoint) {
        SixtyfourConfiguration config = endpoint.getConfiguration();
        if (endpoint.getKind() != SixtyfourKind.webhook && isBlank(config.getApiKey())) {
            throw new IllegalArgumentException("The apiKey option is required for " + URISupport.sanitizeUri(uri)
                                               + "; set it on the sixtyfour component or in the URI");
        }
        if (endpoint.getKind() == SixtyfourKind.workflow && isBlank(config.getId())) {
            throw new IllegalArgumentException("The id option (the workflow id) is required for "
                                               + URISupport.sanitizeUri(uri));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The limiter all endpoints of this component share. */
    public RequestRateLimiter getRateLimiter() {
        return rateLimiter;
    }

    public SixtyfourConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SixtyfourConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }
}
