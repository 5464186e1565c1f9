package dev.camelsixtyfour.component.results;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The rows of a run as they go into a message body.
 *
 * @param body     a List of rows, a {@link RowIterator}, or the File the result was written to
 * @param rowCount the number of rows the service reported for the file, or null when it did not say
 * @param fileName the service's name for the result file, or null when the run produced none
 */
public record FetchedResults(Object body, Long rowCount, String fileName) {

    /**
     * Makes the rows the exchange's body. A streamed body is also closed when the exchange completes, so an
     * iterator the route did not read to the end does not keep its HTTP connection open.
     */
    public void applyTo(Exchange exchange) {
        exchange.getMessage().setBody(body);
        if (body instanceof RowIterator rows) {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    rows.close();
                }
            });
        }
    }

    public static FetchedResults none(boolean stream) {
        return new FetchedResults(stream ? RowReaders.of(List.of()) : List.of(), 0L, null);
    }
}
