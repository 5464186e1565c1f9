package dev.camelsixtyfour.component.consumer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.camelsixtyfour.component.SixtyfourConstants;
import dev.camelsixtyfour.component.SixtyfourEndpoint;
import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.model.RunStatus;
import dev.camelsixtyfour.component.model.RunsQuery;
import dev.camelsixtyfour.component.model.WorkflowRun;
import dev.camelsixtyfour.component.results.FetchedResults;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits every run of the followed workflow that has finished (completed, failed or cancelled) once, oldest first:
 * a completed run with its rows as the body, a failed or cancelled one with an empty list and the service's reason
 * in headers. The job ids emitted are kept in the idempotent repository, so a persistent repository carries them
 * across restarts. A run whose exchange fails is not recorded and is emitted again on the next poll.
 */
public class SixtyfourRunsConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SixtyfourRunsConsumer.class);
    private static final int DEFAULT_REPOSITORY_SIZE = 1000;

    private final String workflowId;
    private IdempotentRepository repository;

    public SixtyfourRunsConsumer(SixtyfourEndpoint endpoint, Processor processor, String workflowId) {
        super(endpoint, processor);
        this.workflowId = workflowId;
    }

    @Override
    public SixtyfourEndpoint getEndpoint() {
        return (SixtyfourEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        repository = getEndpoint().getRunsConfiguration().getIdempotentRepository();
        if (repository == null) {
            repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
        }
        ServiceHelper.startService(repository);
        super.doStart();
        LOG.info("Following finished runs of workflow {}", workflowId == null ? "(all)" : workflowId);
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        // A repository the user supplied may be shared with other consumers; only the default one is ours to stop.
        if (getEndpoint().getRunsConfiguration().getIdempotentRepository() == null) {
            ServiceHelper.stopService(repository);
        }
    }

    @Override
    protected int poll() throws Exception {
        // Known limitation: each poll sees only the newest runsLimit runs (at most 500), so a run that finished while
        // more than that many newer runs were started between two polls is never emitted.
        RunsQuery query = new RunsQuery(null, workflowId, getEndpoint().getRunsConfiguration().getRunsLimit());
        List<WorkflowRun> finished = finishedOldestFirst(await(getEndpoint().getClient().listRuns(query)));

        int emitted = 0;
        for (WorkflowRun run : finished) {
            if (!isRunAllowed()) {
                break;
            }
            if (repository.contains(run.jobId())) {
                continue;
            }
            if (emit(run)) {
                emitted++;
            }
        }
        LOG.debug("Poll of workflow {}: {} finished runs listed, {} emitted", workflowId, finished.size(), emitted);
        return emitted;
    }

    private static List<WorkflowRun> finishedOldestFirst(List<WorkflowRun> newestFirst) {
        List<WorkflowRun> finished = new ArrayList<>();
        for (WorkflowRun run : newestFirst) {
            if (run.jobId() != null && run.status() != null && run.status().isTerminal()) {
                finished.add(run);
            }
        }
        Collections.reverse(finished);
        return finished;
    }

    private boolean emit(WorkflowRun run) throws Exception {
        Exchange exchange = createExchange(false);
        try {
            fill(exchange, run);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }

        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Failed to emit run " + run.jobId(), exchange,
                    exchange.getException());
            releaseExchange(exchange, false);
            return false;
        }
        repository.add(run.jobId());
        releaseExchange(exchange, false);
        return true;
    }

    private void fill(Exchange exchange, WorkflowRun run) throws Exception {
        Message message = exchange.getMessage();
        message.setHeader(SixtyfourConstants.JOB_ID, run.jobId());
        message.setHeader(SixtyfourConstants.WORKFLOW_ID, run.workflowId());
        message.setHeader(SixtyfourConstants.RUN_STATUS, run.status());
        message.setHeader(SixtyfourConstants.STATUS_REASON, run.statusReason());
        message.setHeader(SixtyfourConstants.ERROR_MESSAGE, run.errorMessage());
        if (run.status() != RunStatus.completed) {
            message.setBody(List.of());
            return;
        }
        FetchedResults results = await(getEndpoint().getResultsFetcher()
                .fetch(run.jobId(), getEndpoint().getResultsConfiguration().getResultFormat()));
        results.applyTo(exchange);
        message.setHeader(SixtyfourConstants.RESULT_FORMAT, getEndpoint().getResultsConfiguration().getResultFormat());
        message.setHeader(SixtyfourConstants.RESULT_ROW_COUNT, results.rowCount());
        message.setHeader(SixtyfourConstants.RESULT_FILE_NAME, results.fileName());
    }

    /**
     * A poll runs on the consumer's own scheduled thread, which is there to wait for the service's answer.
     */
    private static <T> T await(CompletableFuture<T> call) throws Exception {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SixtyfourException remote) {
                throw remote;
            }
            throw SixtyfourException.builder("Polling finished runs failed").cause(e.getCause()).build();
        }
    }
}
