package dev.camelsixtyfour.component;

import dev.camelsixtyfour.component.model.RunStatus;

/**
 * A run that ended {@code failed} or {@code cancelled} while runAndWait waited for it, with the service's
 * {@code status_reason} and {@code error_message} for it (either may be null when the service gave none).
 */
public class SixtyfourRunFailedException extends SixtyfourException {

    private static final long serialVersionUID = 1L;

    private final String jobId;
    private final RunStatus runStatus;
    private final String statusReason;
    private final String errorMessage;

    public SixtyfourRunFailedException(String workflowId, String jobId, RunStatus runStatus, String statusReason,
                                       String errorMessage) {
        super(builder("Run " + jobId + " ended " + runStatus)
                .workflowId(workflowId)
                .detail(describe(statusReason, errorMessage)));
        this.jobId = jobId;
        this.runStatus = runStatus;
        this.statusReason = statusReason;
        this.errorMessage = errorMessage;
    }

    private static String describe(String statusReason, String errorMessage) {
        if (statusReason == null && errorMessage == null) {
            return null;
        }
        if (errorMessage == null) {
            return statusReason;
        }
        return statusReason == null ? errorMessage : statusReason + " (" + errorMessage + ")";
    }

    public String getJobId() {
        return jobId;
    }

    /** {@code failed} or {@code cancelled}. */
    public RunStatus getRunStatus() {
        return runStatus;
    }

    /** The service's {@code status_reason}, or null. */
    public String getStatusReason() {
        return statusReason;
    }

    /** The service's {@code error_message}, or null. */
    public String getErrorMessage() {
        return errorMessage;
    }
}
