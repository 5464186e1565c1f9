package dev.camelsixtyfour.emulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers signed webhooks with retries: a delivery without a 2xx answer within its timeout is retried up to
 * {@link EmulatorDefaults#WEBHOOK_MAX_RETRIES} times, waiting the backoff, then twice as long each time. The event
 * id stays; the attempt number and the signature's timestamp are fresh on each attempt.
 * <p>
 * Deliveries go only to loopback addresses: tests point them at receivers they started, and the emulator must never
 * reach anything else.
 */
final class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final WebhookSigner signer;
    private final Clock clock;
    private final Duration backoff;
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private final AtomicLong generation = new AtomicLong();

    WebhookDispatcher(ExecutorService executor, ScheduledExecutorService scheduler, WebhookSigner signer, Clock clock,
            Duration backoff) {
        this.client = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.scheduler = scheduler;
        this.signer = signer;
        this.clock = clock;
        this.backoff = backoff;
    }

    /** Sends one event; returns at once, attempts and retries run in the background. */
    void deliver(URI target, String eventId, String eventType, byte[] body, Duration timeout) {
        if (!isLoopback(target)) {
            LOG.warn("Webhook event {} not sent: target host {} is not a loopback address", eventId,
                    target.getHost());
            record(new WebhookDelivery(eventId, eventType, target, 1, -1, "refused", clock.instant()));
            return;
        }
        attempt(new Event(target, eventId, eventType, body, timeout, generation.get()), 1);
    }

    /** Forgets every recorded attempt and stops pending retries. */
    void reset() {
        generation.incrementAndGet();
        synchronized (deliveries) {
            deliveries.clear();
        }
    }

    List<WebhookDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    private void attempt(Event event, int attempt) {
        if (event.generation != generation.get()) {
            return;
        }

        HttpRequest.Builder request = HttpRequest.newBuilder(event.target).timeout(event.timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Sixtyfour-Webhooks/emulator")
                .header("Sixtyfour-Event-Id", event.eventId)
                .header("Sixtyfour-Event-Type", event.eventType)
                .header("Sixtyfour-Delivery-Attempt", String.valueOf(attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.body));
        String signature = signer.signature(clock.instant().getEpochSecond(), event.body);
        if (signature != null) {
            request.header("Sixtyfour-Signature", signature);
        }

        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        LOG.debug("Webhook event {} attempt {} got no response: {}", event.eventId, attempt,
                                failure.toString());
                    }
                    settle(event, attempt, response == null ? -1 : response.statusCode());
                });
    }

    private void settle(Event event, int attempt, int statusCode) {
        if (event.generation != generation.get()) {
            return;
        }
        if (statusCode >= 200 && statusCode < 300) {
            LOG.debug("Webhook event {} delivered on attempt {}", event.eventId, attempt);
            record(new WebhookDelivery(event.eventId, event.eventType, event.target, attempt, statusCode,
                    "delivered", clock.instant()));
            return;
        }

        if (attempt > EmulatorDefaults.WEBHOOK_MAX_RETRIES) {
            LOG.warn("Webhook event {} given up after {} attempts (last status {})", event.eventId, attempt,
                    statusCode);
            record(new WebhookDelivery(event.eventId, event.eventType, event.target, attempt, statusCode, "gave_up",
                    clock.instant()));
            return;
        }
        record(new WebhookDelivery(event.eventId, event.eventType, event.target, attempt, statusCode, "retrying",
                clock.instant()));
        long delayMillis = backoff.toMillis() << (attempt - 1);
        LOG.debug("Webhook event {} attempt {} got {}; retrying in {} ms", event.eventId, attempt, statusCode,
                delayMillis);
        scheduler.schedule(() -> attempt(event, attempt + 1), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void record(WebhookDelivery delivery) {
        synchronized (deliveries) {
            deliveries.add(delivery);
        }
    }

    static boolean isLoopback(URI target) {
        String host = target.getHost();
        return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))
                && ("http".equals(target.getScheme()) || "https".equals(target.getScheme()));
    }

    private record Event(URI target, String eventId, String eventType, byte[] body, Duration timeout,
            long generation) {
    }
}
