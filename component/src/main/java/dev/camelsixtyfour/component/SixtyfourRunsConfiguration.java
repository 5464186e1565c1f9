package dev.camelsixtyfour.component;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Which runs the runs operation lists and the runs consumer follows, and what the consumers remember.
 */
@UriParams
public class SixtyfourRunsConfiguration {

    @UriParam(label = "common",
              description = "Only runs of this workflow: the filter of the runs operation (the CamelSixtyfourWorkflowId"
                            + " header overrides it) and of the runs consumer.")
    private String workflowId;

    @UriParam(label = "producer", enums = "running,completed,cancelled,failed,active",
              description = "runs operation: only runs in this status (active means queued or running); the"
                            + " CamelSixtyfourRunsStatus header overrides it.")
    private String runsStatus;

    @UriParam(label = "common", defaultValue = "100",
              description = "How many runs one list call returns, 1 to 500: the runs operation's limit (the"
                            + " CamelSixtyfourRunsLimit header overrides it) and how far back each poll of the runs"
                            + " consumer looks.")
    private int runsLimit = 100;

    @UriParam(label = "consumer",
              description = "Where the consumers remember what they have emitted: run job ids (runs consumer) or"
                            + " Sixtyfour-Event-Id values (webhook consumer). Defaults to an in-memory repository of"
                            + " 1000 entries; use a persistent one so that a restart emits nothing twice.")
    private IdempotentRepository idempotentRepository;

    public String getWorkflowId() {
        return workflowId;
    }

    public void setWorkflowId(String workflowId) {
        this.workflowId = workflowId;
    }

    public String getRunsStatus() {
        return runsStatus;
    }

    public void setRunsStatus(String runsStatus) {
        this.runsStatus = runsStatus;
    }

    public int getRunsLimit() {
        return runsLimit;
    }

    public void setRunsLimit(int runsLimit) {
        this.runsLimit = runsLimit;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }
}
