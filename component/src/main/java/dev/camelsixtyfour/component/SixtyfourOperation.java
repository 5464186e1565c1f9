package dev.camelsixtyfour.component;

/** What the producer does with an exchange; chosen by the {@code operation} option or the operation header. */
public enum SixtyfourOperation {
    /** Start a run of the workflow with the exchange body as its webhook payload. */
    run,
    /** Read the live status of one run. */
    status,
    /** List runs, newest first. */
    runs,
    /** Cancel one run. */
    cancel,
    /** Fetch the result files of one run. */
    results,
    /** Start a run and complete the exchange when the run has finished. */
    runAndWait
}
