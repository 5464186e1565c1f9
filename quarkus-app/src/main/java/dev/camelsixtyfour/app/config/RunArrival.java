package dev.camelsixtyfour.app.config;

/** How a triggered run's results reach the app. */
public enum RunArrival {
    /** The results stage polls the run's status until it ends, then fetches the results. */
    AWAIT,
    /**
     * The workflow's outgoing_webhook block pushes the results to {@code sixtyfour.webhook.path}; a run whose
     * delivery has not come within the run timeout is polled.
     */
    WEBHOOK
}
