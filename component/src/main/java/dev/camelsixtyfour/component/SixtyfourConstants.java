package dev.camelsixtyfour.component;

import org.apache.camel.spi.Metadata;

/** The message headers the Sixtyfour component reads and writes. */
public final class SixtyfourConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the operation option.",
              javaType = "dev.camelsixtyfour.component.SixtyfourOperation")
    public static final String OPERATION = "CamelSixtyfourOperation";

    @Metadata(label = "producer", description = "The key sent as Idempotency-Key with a run request. When absent the"
                                                + " exchange id joined with the workflow id is sent, so redeliveries"
                                                + " of the same exchange never start a second run.",
              javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelSixtyfourIdempotencyKey";

    @Metadata(label = "producer", description = "Overrides the source block's specs for this run; a Map or a JSON"
                                                + " object as text. Wins over the specsOverride option.",
              javaType = "Object")
    public static final String SPECS_OVERRIDE = "CamelSixtyfourSpecsOverride";

    @Metadata(description = "The job id of the run that was started (also the run id of the status calls).",
              javaType = "String")
    public static final String JOB_ID = "CamelSixtyfourJobId";

    @Metadata(description = "The id of the workflow the run belongs to.", javaType = "String")
    public static final String WORKFLOW_ID = "CamelSixtyfourWorkflowId";

    @Metadata(description = "The status of the run as the service reported it.",
              javaType = "dev.camelsixtyfour.component.model.RunStatus")
    public static final String RUN_STATUS = "CamelSixtyfourRunStatus";

    @Metadata(description = "True when the service had already started a run for this idempotency key and"
                            + " returned that run instead of starting another.",
              javaType = "Boolean")
    public static final String ALREADY_STARTED = "CamelSixtyfourAlreadyStarted";

    @Metadata(description = "The number of rows sent as the run's webhook payload.", javaType = "Integer")
    public static final String ROW_COUNT = "CamelSixtyfourRowCount";

    // Following runs and receiving results (status, runs, cancel, results, runAndWait; runs and webhook consumers)

    @Metadata(description = "The run's overall progress in percent (0 to 100), from its live status.",
              javaType = "Double")
    public static final String PROGRESS = "CamelSixtyfourProgress";

    @Metadata(label = "producer", description = "runs operation: only runs in this status (running, completed,"
                                                + " cancelled, failed or active); overrides the runsStatus option.",
              javaType = "String")
    public static final String RUNS_STATUS = "CamelSixtyfourRunsStatus";

    @Metadata(label = "producer", description = "runs operation: how many runs to list, 1 to 500; overrides the"
                                                + " runsLimit option.",
              javaType = "Integer")
    public static final String RUNS_LIMIT = "CamelSixtyfourRunsLimit";

    @Metadata(label = "producer", description = "runs operation: the number of runs in the body.",
              javaType = "Integer")
    public static final String RUNS_COUNT = "CamelSixtyfourRunsCount";

    @Metadata(label = "producer", description = "cancel operation: true when the run had already finished, so"
                                                + " nothing was cancelled (the service answered 409).",
              javaType = "Boolean")
    public static final String ALREADY_FINISHED = "CamelSixtyfourAlreadyFinished";

    @Metadata(description = "The format the results were downloaded in; on the results and runAndWait operations it"
                            + " overrides the resultFormat option.",
              javaType = "dev.camelsixtyfour.component.model.ResultFormat")
    public static final String RESULT_FORMAT = "CamelSixtyfourResultFormat";

    @Metadata(description = "The number of result rows the service reported for the run's final result file.",
              javaType = "Long")
    public static final String RESULT_ROW_COUNT = "CamelSixtyfourResultRowCount";

    @Metadata(description = "The service's name for the run's final result file.", javaType = "String")
    public static final String RESULT_FILE_NAME = "CamelSixtyfourResultFileName";

    @Metadata(description = "runs consumer and status operation: the service's status_reason for a failed or"
                            + " cancelled run.",
              javaType = "String")
    public static final String STATUS_REASON = "CamelSixtyfourStatusReason";

    @Metadata(description = "The service's error_message for a failed run (runs consumer, status operation), or"
                            + " the error of a failed async job (webhook consumer).",
              javaType = "String")
    public static final String ERROR_MESSAGE = "CamelSixtyfourErrorMessage";

    @Metadata(label = "consumer", description = "webhook consumer: the delivery's Sixtyfour-Event-Id, the same on"
                                                + " every retry of one event.",
              javaType = "String")
    public static final String EVENT_ID = "CamelSixtyfourEventId";

    @Metadata(label = "consumer", description = "webhook consumer: the delivery's Sixtyfour-Event-Type, such as"
                                                + " outgoing_webhook.completed or find_email.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelSixtyfourEventType";

    @Metadata(label = "consumer", description = "webhook consumer: the delivery's Sixtyfour-Delivery-Attempt, 1 for"
                                                + " the first.",
              javaType = "Integer")
    public static final String DELIVERY_ATTEMPT = "CamelSixtyfourDeliveryAttempt";

    @Metadata(label = "consumer", description = "webhook consumer: the status of an async job (completed or"
                                                + " failed).",
              javaType = "String")
    public static final String TASK_STATUS = "CamelSixtyfourTaskStatus";

    private SixtyfourConstants() {
    }
}
