package dev.camelsixtyfour.component.results;

import java.util.List;

/**
 * The rows of a run as they go into a message body.
 *
 * @param body     a List of rows, a {@link RowIterator}, or the File the result was written to
 * @param rowCount the number of rows the service reported for the file, or null when it did not say
 * @param fileName the service's name for the result file, or null when the run produced none
 */
public record FetchedResults(Object body, Long rowCount, String fileName) {

    public static FetchedResults none(boolean stream) {
        return new FetchedResults(stream ? RowReaders.of(List.of()) : List.of(), 0L, null);
    }
}
