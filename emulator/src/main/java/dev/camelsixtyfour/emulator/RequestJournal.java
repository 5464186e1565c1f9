package dev.camelsixtyfour.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent requests received, bounded so a long benchmark cannot exhaust the heap. */
final class RequestJournal {

    private final int capacity;
    private final Deque<RecordedRequest> entries = new ArrayDeque<>();

    RequestJournal(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(RecordedRequest request) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(entries);
    }

    List<RecordedRequest> snapshot(String pathPrefix) {
        return snapshot().stream().filter(request -> PathPrefix.matches(pathPrefix, request.path())).toList();
    }

    synchronized void clear() {
        entries.clear();
    }
}
