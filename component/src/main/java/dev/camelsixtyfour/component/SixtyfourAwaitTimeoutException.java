package dev.camelsixtyfour.component;

import java.time.Duration;

import dev.camelsixtyfour.component.model.RunStatus;

/**
 * runAndWait gave up waiting: the run had not finished within awaitTimeout. The run itself was left alone and may
 * still finish; its job id lets a later status, results or cancel call pick it up.
 */
public class SixtyfourAwaitTimeoutException extends SixtyfourException {

    private static final long serialVersionUID = 1L;

    private final String jobId;
    private final RunStatus lastStatus;
    private final Duration waited;

    public SixtyfourAwaitTimeoutException(String workflowId, String jobId, RunStatus lastStatus, Duration waited) {
        super(builder("Run " + jobId + " had not finished after " + waited.toMillis() + " ms (last status "
                      + lastStatus + "); it was left running")
                .workflowId(workflowId));
        this.jobId = jobId;
        this.lastStatus = lastStatus;
        this.waited = waited;
    }

    public String getJobId() {
        return jobId;
    }

    /** The status of the last poll, or null when no poll answered. */
    public RunStatus getLastStatus() {
        return lastStatus;
    }

    public Duration getWaited() {
        return waited;
    }
}
