package dev.camelsixtyfour.app.source;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processed-files repository of a folder source, telling the operator once per copy when a file it already
 * processed (same name, size and modification time) turns up again and is skipped, instead of leaving it silently.
 */
public final class AlreadyProcessedFiles extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(AlreadyProcessedFiles.class);

    private final String pipeline;
    private final IdempotentRepository processed;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public AlreadyProcessedFiles(String pipeline, IdempotentRepository processed) {
        this.pipeline = pipeline;
        this.processed = processed;
    }

    @Override
    public boolean contains(String fileKey) {
        boolean seen = processed.contains(fileKey);
        if (seen && reported.add(fileKey)) {
            String[] parts = fileKey.split("\\|");
            LOG.warn("Pipeline {}: {} ({} bytes, modified at {} epoch ms) was already processed and moved to {}/ or"
                    + " {}/ then; this copy stays in the inbox and is not read (rename it to have it read as a new"
                    + " file)", pipeline, parts[0], parts.length > 1 ? parts[1] : "?",
                    parts.length > 2 ? parts[2] : "?", SourceUris.DONE, SourceUris.ERROR);
        }
        return seen;
    }

    @Override
    public boolean add(String fileKey) {
        return processed.add(fileKey);
    }

    @Override
    public boolean remove(String fileKey) {
        return processed.remove(fileKey);
    }

    @Override
    public boolean confirm(String fileKey) {
        return processed.confirm(fileKey);
    }

    @Override
    public void clear() {
        processed.clear();
    }

    @Override
    protected void doStart() {
        ServiceHelper.startService(processed);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(processed);
    }
}
