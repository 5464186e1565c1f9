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

    private SixtyfourConstants() {
    }
}
