package dev.camelsixtyfour.app.trigger;

import dev.camelsixtyfour.component.model.RunStatus;

/** A run that ended failed or cancelled: its batch is parked, since running it again would not change that. */
public class RunEndedException extends RuntimeException {

    private final String jobId;
    private final RunStatus status;

    public RunEndedException(String jobId, RunStatus status) {
        super("Run " + jobId + " ended " + status);
        this.jobId = jobId;
        this.status = status;
    }

    public String jobId() {
        return jobId;
    }

    public RunStatus status() {
        return status;
    }
}
