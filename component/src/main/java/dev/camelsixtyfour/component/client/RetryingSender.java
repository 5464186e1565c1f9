package dev.camelsixtyfour.component.client;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.camelsixtyfour.component.SixtyfourException;
import dev.camelsixtyfour.component.SixtyfourRateLimitException;
import dev.camelsixtyfour.component.client.HttpSixtyfourClient.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request until it gets a final answer: through the rate limit, then again after a 429, a 5xx or a
 * connection failure, as the retry policy allows. Every wait is a task on the scheduler, so a request waiting for
 * its turn holds no thread.
 * <p>
 * An answer is taken from its body subscriber ({@link HandOverSubscriber}) and handed once to the completions
 * executor, where the caller's continuation runs; the future of {@code HttpClient.sendAsync} is only watched for
 * failures that come before any answer.
 */
final class RetryingSender {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);

    private final HttpClient http;
    private final ClientSettings settings;
    private final Executor completions;
    private final ScheduledExecutorService scheduler;
    private final RequestRateLimiter rateLimiter;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    RetryingSender(HttpClient http, ClientSettings settings, Executor completions, ScheduledExecutorService scheduler,
                   RequestRateLimiter rateLimiter) {
        this.http = http;
        this.settings = settings;
        this.completions = completions;
        this.scheduler = scheduler;
        this.rateLimiter = rateLimiter;
    }

    /** Fails every call still waiting or in flight, and from now on every new one, so that none is left hanging. */
    void close() {
        closed = true;
        for (Call call : calls) {
            call.result.completeExceptionally(call.abandoned(null));
        }
    }

    /**
     * Completes on the completions executor with the first answer below 400, or exceptionally with a
     * {@link SixtyfourException}.
     */
    CompletableFuture<Answer> send(HttpRequest request, String workflowId, BodyHandler<ResponseBody> bodyHandler) {
        Call call = new Call(request, workflowId, bodyHandler);
        calls.add(call);
        call.result.whenComplete((response, failure) -> calls.remove(call));
        call.attempt(1);
        return call.result;
    }

    /** The state of one request across its attempts; never shared between requests. */
    private final class Call {

        private final HttpRequest request;
        private final String workflowId;
        private final BodyHandler<ResponseBody> bodyHandler;
        private final CompletableFuture<Answer> result = new CompletableFuture<>();

        Call(HttpRequest request, String workflowId, BodyHandler<ResponseBody> bodyHandler) {
            this.request = request;
            this.workflowId = workflowId;
            this.bodyHandler = bodyHandler;
        }

        void attempt(int attempt) {
            if (closed) {
                result.completeExceptionally(abandoned(null));
                return;
            }
            runAfter(rateLimiter.reserve(), () -> sendOnce(attempt));
        }

        private void sendOnce(int attempt) {
            if (closed) {
                result.completeExceptionally(abandoned(null));
                return;
            }
            LOG.debug("{} {} (workflow {}, attempt {})", request.method(), request.uri().getPath(), workflowId,
                    attempt);
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            answer.whenComplete((response, failure) -> {
                if (failure != null) {
                    onNoResponse(attempt, unwrap(failure));
                } else {
                    onResponse(attempt, response);
                }
            });
            try {
                http.sendAsync(request, info -> answering(info, answer)).whenComplete((ignored, failure) -> {
                    // Only a failure before any answer is news here; an answer has been handed over already.
                    if (failure != null && !answer.isDone()) {
                        HandOverSubscriber.runOn(completions, () -> answer.completeExceptionally(failure));
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(noResponseError(e));
            }
        }

        /** The body subscriber of the attempt: it completes {@code answer} on the completions executor. */
        private BodySubscriber<ResponseBody> answering(ResponseInfo info, CompletableFuture<Answer> answer) {
            return new HandOverSubscriber(bodyHandler.apply(info), completions, (body, failure) -> {
                if (failure != null) {
                    answer.completeExceptionally(failure);
                } else {
                    answer.complete(new Answer(request, info.statusCode(), info.headers(), body));
                }
            });
        }

        private void onResponse(int attempt, Answer response) {
            int status = response.statusCode();
            if (status < 400) {
                if (attempt > 1) {
                    LOG.warn("{} {} succeeded after {} attempts", request.method(), request.uri().getPath(),
                            attempt);
                }
                result.complete(response);
                return;
            }

            Duration retryAfter = status == 429 ? retryAfterOf(response) : null;
            if (retryAfter != null && settings.retryPolicy().exceedsCeiling(retryAfter)) {
                String why = "the service advised a wait of " + retryAfter + ", beyond the maxRetryAfter ceiling of "
                             + settings.retryPolicy().maxRetryAfter();
                result.completeExceptionally(rateLimitError(response, retryAfter, why));
                return;
            }
            boolean retryable = status == 429 || status >= 500;
            if (retryable && settings.retryPolicy().canRetry(attempt)) {
                Duration wait = retryAfter != null ? retryAfter : settings.retryPolicy().backoff(attempt);
                LOG.debug("{} {} answered {}; retrying in {}", request.method(), request.uri().getPath(), status,
                        wait);
                runAfter(wait, () -> attempt(attempt + 1));
                return;
            }
            result.completeExceptionally(status == 429
                    ? rateLimitError(response, retryAfter, "the component gave up after " + attempt + " attempts")
                    : statusError(response));
        }

        private void onNoResponse(int attempt, Throwable failure) {
            if (settings.retryPolicy().canRetry(attempt)) {
                Duration wait = settings.retryPolicy().backoff(attempt);
                LOG.debug("{} {} got no answer ({}); retrying in {}", request.method(), request.uri().getPath(),
                        failure.getClass().getSimpleName(), wait);
                runAfter(wait, () -> attempt(attempt + 1));
                return;
            }
            result.completeExceptionally(noResponseError(failure));
        }

        private void runAfter(Duration wait, Runnable task) {
            if (wait.isZero() || wait.isNegative()) {
                task.run();
                return;
            }
            try {
                scheduler.schedule(task, wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(abandoned(e));
            }
        }

        SixtyfourException abandoned(Exception cause) {
            return SixtyfourException.builder("Sixtyfour request " + describe() + " abandoned: the endpoint is"
                                              + " stopping")
                    .workflowId(workflowId)
                    .cause(cause)
                    .build();
        }

        private SixtyfourException statusError(Answer response) {
            String detail = detailOf(response);
            SixtyfourException.Builder builder = errorBuilder(response, "failed", detail);
            Integer row = ErrorDetails.rowOf(detail);
            String column = ErrorDetails.columnOf(detail);
            if (response.statusCode() == 400 && row != null && column != null) {
                builder.missingColumn(row, column);
            }
            return builder.build();
        }

        private SixtyfourRateLimitException rateLimitError(Answer response, Duration retryAfter,
                                                           String why) {
            SixtyfourException.Builder builder = errorBuilder(response, "was rate limited; " + why,
                    detailOf(response));
            return new SixtyfourRateLimitException(builder, retryAfter);
        }

        private SixtyfourException.Builder errorBuilder(Answer response, String outcome,
                                                        String detail) {
            return SixtyfourException.builder("Sixtyfour request " + describe() + " " + outcome)
                    .workflowId(workflowId)
                    .status(response.statusCode(), reasonPhrase(response.statusCode()))
                    .detail(detail);
        }

        private String detailOf(Answer response) {
            return ErrorDetails.mask(ErrorDetails.read(response.body().bytes()), settings.apiKey());
        }

        private SixtyfourException noResponseError(Throwable failure) {
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return SixtyfourException.builder("Sixtyfour request " + describe() + " got no answer")
                    .workflowId(workflowId)
                    .detail(ErrorDetails.mask(reason, settings.apiKey()))
                    .cause(failure)
                    .build();
        }

        private String describe() {
            return request.method() + " " + request.uri().getPath();
        }
    }

    /** The final answer to one attempt: status, headers and body, taken before the JDK's own future completes. */
    record Answer(HttpRequest request, int statusCode, HttpHeaders headers, ResponseBody body) {
    }

    /** The wait a 429 advises, in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfterOf(Answer response) {
        String value = response.headers().firstValue("Retry-After").map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            return retryAfterDate(value);
        }
    }

    private static Duration retryAfterDate(String value) {
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException unreadable) {
            LOG.debug("Ignoring unreadable Retry-After value");
            return null;
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> null;
        };
    }
}
