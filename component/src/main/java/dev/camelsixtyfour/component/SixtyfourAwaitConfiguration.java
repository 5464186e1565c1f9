package dev.camelsixtyfour.component;

import java.time.Duration;

import dev.camelsixtyfour.component.await.AwaitSchedule;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How the runAndWait operation polls a run's live status until the run has finished.
 */
@UriParams
public class SixtyfourAwaitConfiguration {

    @UriParam(label = "producer", defaultValue = "2000", javaType = "java.time.Duration",
              description = "runAndWait: the wait before the first live-status poll, in milliseconds or as a duration"
                            + " such as 2s.")
    private long awaitInitialDelay = 2_000;

    @UriParam(label = "producer", defaultValue = "5000", javaType = "java.time.Duration",
              description = "runAndWait: the interval after the first poll; it grows by awaitBackoffMultiplier after"
                            + " each further poll. The service advises polling every 5 to 10 seconds.")
    private long awaitPollInterval = 5_000;

    @UriParam(label = "producer", defaultValue = "1.5",
              description = "runAndWait: the factor by which the interval between two polls grows; 1 keeps it fixed.")
    private double awaitBackoffMultiplier = 1.5;

    @UriParam(label = "producer", defaultValue = "30000", javaType = "java.time.Duration",
              description = "runAndWait: the longest interval between two polls.")
    private long awaitMaxInterval = 30_000;

    @UriParam(label = "producer", defaultValue = "1800000", javaType = "java.time.Duration",
              description = "runAndWait: how long to wait for the run to finish, counted from its start. When it"
                            + " passes, the exchange fails with a SixtyfourAwaitTimeoutException and the run is left"
                            + " running.")
    private long awaitTimeout = 1_800_000;

    /**
     * The schedule these options describe; fails naming the options when they contradict each other.
     */
    public AwaitSchedule toSchedule() {
        try {
            return new AwaitSchedule(Duration.ofMillis(awaitInitialDelay), Duration.ofMillis(awaitPollInterval),
                    awaitBackoffMultiplier, Duration.ofMillis(awaitMaxInterval), Duration.ofMillis(awaitTimeout));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid runAndWait options (awaitInitialDelay, awaitPollInterval,"
                                               + " awaitBackoffMultiplier, awaitMaxInterval, awaitTimeout): "
                                               + e.getMessage(), e);
        }
    }

    public long getAwaitInitialDelay() {
        return awaitInitialDelay;
    }

    public void setAwaitInitialDelay(long awaitInitialDelay) {
        this.awaitInitialDelay = awaitInitialDelay;
    }

    public long getAwaitPollInterval() {
        return awaitPollInterval;
    }

    public void setAwaitPollInterval(long awaitPollInterval) {
        this.awaitPollInterval = awaitPollInterval;
    }

    public double getAwaitBackoffMultiplier() {
        return awaitBackoffMultiplier;
    }

    public void setAwaitBackoffMultiplier(double awaitBackoffMultiplier) {
        this.awaitBackoffMultiplier = awaitBackoffMultiplier;
    }

    public long getAwaitMaxInterval() {
        return awaitMaxInterval;
    }

    public void setAwaitMaxInterval(long awaitMaxInterval) {
        this.awaitMaxInterval = awaitMaxInterval;
    }

    public long getAwaitTimeout() {
        return awaitTimeout;
    }

    public void setAwaitTimeout(long awaitTimeout) {
        this.awaitTimeout = awaitTimeout;
    }
}
