package dev.camelsixtyfour.component.model;

/**
 * The outcome of the cancel operation. A run that had already finished cannot be cancelled (the service answers
 * 409); that is not an error here but an outcome with {@code alreadyFinished} set and the status the run ended in.
 *
 * @param jobId           the run
 * @param status          {@code cancelled} when this call cancelled it, else the status it had already ended in
 * @param alreadyFinished true when the run had finished before the cancel arrived
 */
public record CancelOutcome(String jobId, RunStatus status, boolean alreadyFinished) {
}
