package dev.camelsixtyfour.app.arrival;

import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.component.SixtyfourConstants;

/**
 * The first step of a verified webhook delivery: find the run it names among the awaited ones and send it on to
 * its pipeline. An unknown run (not triggered by this app, or forgotten) and a run already finished (a duplicate
 * under another event id, or a run the overdue poll took) are logged and acknowledged without delivering again.
 */
public final class WebhookReceipt {

    /** The {@code direct:} endpoint of the pipeline that awaits the delivered run. */
    public static final String PIPELINE_ENDPOINT = "SixtyfourAppArrivedEndpoint";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceipt.class);

    private final AwaitedRuns runs;

    public WebhookReceipt(AwaitedRuns runs) {
        this.runs = runs;
    }

    public void claim(Exchange exchange) {
        Message delivery = exchange.getMessage();
        String jobId = delivery.getHeader(SixtyfourConstants.JOB_ID, String.class);
        String eventId = delivery.getHeader(SixtyfourConstants.EVENT_ID, String.class);
        Optional<AwaitedRun> run = runs.claimDelivered(jobId);
        if (run.isEmpty()) {
            Optional<String> state = runs.state(jobId);
            if (state.isEmpty()) {
                LOG.info("Webhook event {} names run {}, which no pipeline awaits; acknowledged", eventId, jobId);
            } else {
                LOG.info("Webhook event {} for run {} acknowledged without delivering: the run is {}", eventId, jobId,
                        state.get());
            }
            return;
        }
        WebhookArrival.toBatch(delivery, run.get());
        exchange.setProperty(PIPELINE_ENDPOINT, "direct:" + run.get().pipeline() + "-arrived");
        LOG.debug("Webhook event {} brings the results of job {} (batch {})", eventId, jobId, run.get().batchId());
    }
}
