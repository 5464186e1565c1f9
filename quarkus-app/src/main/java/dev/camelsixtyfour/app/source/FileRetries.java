package dev.camelsixtyfour.app.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.config.SixtyfourAppConfig;
import dev.camelsixtyfour.app.config.SixtyfourAppConfig.FileRetryConfig;

/**
 * Files that failed for a passing reason and stay in their source to be read again: each failure is logged with its
 * cause and the wait before the next attempt, which doubles up to a maximum, so an unreachable API is not hit twice
 * a second. In one-shot mode a file is given up after a bounded number of attempts.
 */
@ApplicationScoped
public class FileRetries {

    private static final Logger LOG = LoggerFactory.getLogger(FileRetries.class);

    /** One file's latest failed attempt. */
    public record Attempt(String pipeline, String fileName, int number, Instant nextAttempt, String reason) {
    }

    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final FileRetryConfig retry;
    private final boolean oneShot;

    @Inject
    public FileRetries(SixtyfourAppConfig config) {
        this.retry = config.fileRetry();
        this.oneShot = config.oneShot();
    }

    /** Notes a failed attempt on the file and tells the operator why it stays and when it is read again. */
    public void failed(String pipeline, String fileName, String reason) {
        Attempt previous = attempts.get(key(pipeline, fileName));
        int number = previous == null ? 1 : previous.number() + 1;
        Duration wait = delayAfter(number);
        attempts.put(key(pipeline, fileName),
                new Attempt(pipeline, fileName, number, Instant.now().plus(wait), reason));
        if (givenUp(number)) {
            LOG.warn("Pipeline {}: {}; {} stays in the inbox; attempt {} of {}, giving up (one-shot)", pipeline,
                    reason, fileName, number, retry.oneShotAttempts());
        } else {
            LOG.warn("Pipeline {}: {}; {} stays in the inbox and is retried in {}s (attempt {})", pipeline, reason,
                    fileName, wait.toSeconds(), number);
        }
    }

    public void succeeded(String pipeline, String fileName) {
        attempts.remove(key(pipeline, fileName));
    }

    /** Whether the file is given up (one-shot mode only). */
    public boolean givenUp(String pipeline, String fileName) {
        Attempt attempt = attempts.get(key(pipeline, fileName));
        return attempt != null && givenUp(attempt.number());
    }

    /** The files of the pipeline the one-shot run gave up on, with their last failure. */
    public List<Attempt> givenUp(String pipeline) {
        return attempts.values().stream()
                .filter(attempt -> attempt.pipeline().equals(pipeline) && givenUp(attempt.number()))
                .toList();
    }

    /** The source's filter: leaves a failed file alone until its next attempt is due, and for good once given up. */
    public GenericFileFilter<Object> dueFiles(String pipeline) {
        return file -> {
            Attempt attempt = attempts.get(key(pipeline, file.getFileName()));
            return file.isDirectory() || attempt == null
                    || !givenUp(attempt.number()) && !Instant.now().isBefore(attempt.nextAttempt());
        };
    }

    private boolean givenUp(int attemptNumber) {
        return oneShot && attemptNumber >= retry.oneShotAttempts();
    }

    private Duration delayAfter(int attemptNumber) {
        Duration delay = retry.firstDelay().multipliedBy(1L << Math.min(attemptNumber - 1, 20));
        return delay.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : delay;
    }

    private static String key(String pipeline, String fileName) {
        return pipeline + "/" + fileName;
    }
}
