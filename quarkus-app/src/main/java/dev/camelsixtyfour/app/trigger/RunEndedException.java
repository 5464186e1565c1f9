package dev.camelsixtyfour.app.trigger;

import dev.camelsixtyfour.component.model.RunStatus;

/**
 * A run that ended failed or cancelled: its batch is parked, since running it again would not change that. The
 * message carries the service's {@code error_message} and {@code status_reason} when it gave them.
 */
public class RunEndedException extends RuntimeException {

    private final String jobId;
    private final RunStatus status;

    public RunEndedException(String jobId, RunStatus status, String statusReason, String errorMessage) {
        super("Run " + jobId + " ended " + status + describe(statusReason, errorMessage));
        this.jobId = jobId;
        this.status = status;
    }

    private static String describe(String statusReason, String errorMessage) {
        if (errorMessage == null) {
            return statusReason == null ? " (the service gave no reason)" : ": " + statusReason;
        }
        return ": " + errorMessage + (statusReason == null ? "" : " (" + statusReason + ")");
    }

    public String jobId() {
        return jobId;
    }

    public RunStatus status() {
        return status;
    }
}
