package dev.camelsixtyfour.app.results.sink;

/**
 * Where a pipeline's enriched rows are delivered after the outbox copy. A delivery either reaches its destination
 * or throws; the deliver route retries it with backoff and then parks it.
 */
public interface ResultSink extends AutoCloseable {

    /** Sends one batch's results; throws when the destination did not take them. */
    void deliver(Delivery delivery) throws Exception;

    /** Where the results go, for logs: no credentials. */
    String describe();

    /** Releases what the sink holds open (a broker connection) once the app stops; most hold nothing. */
    @Override
    default void close() {
    }
}
