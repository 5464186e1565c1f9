package dev.camelsixtyfour.emulator;

import java.net.URI;
import java.time.Instant;

/**
 * One attempt to deliver an outgoing webhook or an async-task callback.
 *
 * @param eventId    the {@code Sixtyfour-Event-Id}, the same on every attempt of one event
 * @param eventType  the {@code Sixtyfour-Event-Type}
 * @param target     where it was sent
 * @param attempt    the {@code Sixtyfour-Delivery-Attempt}, from 1
 * @param statusCode the receiver's status, or -1 when no response came (refused, timed out, not sent)
 * @param outcome    {@code delivered}, {@code retrying}, {@code gave_up} or {@code refused} (not a loopback
 *                   target: the emulator sends nothing off this machine)
 * @param attemptedAt when the attempt finished
 */
public record WebhookDelivery(String eventId, String eventType, URI target, int attempt, int statusCode, String outcome,
        Instant attemptedAt) {
}
