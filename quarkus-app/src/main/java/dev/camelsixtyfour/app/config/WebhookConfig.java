package dev.camelsixtyfour.app.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The receiver of outgoing-webhook deliveries, used by pipelines whose {@code run.arrival} is {@code webhook}: one
 * path for all of them (a delivery names its run, the run its pipeline).
 */
public interface WebhookConfig {

    /** The HTTP path the workflow's outgoing_webhook block posts to. */
    @WithDefault("/sixtyfour/webhook")
    String path();

    /** The organisation's signing secret ({@code sk_whsec_…}); set through SIXTYFOUR_WEBHOOK_SIGNING_SECRET. */
    @WithName("signing-secret")
    Optional<String> signingSecret();

    /** Accept unsigned deliveries: only for an organisation that has no signing secret yet. */
    @WithName("allow-unsigned")
    @WithDefault("false")
    boolean allowUnsigned();

    /** How often runs whose webhook is overdue (past the pipeline's run timeout) are looked for and polled. */
    @WithName("overdue-check-interval")
    @WithDefault("10s")
    Duration overdueCheckInterval();
}
