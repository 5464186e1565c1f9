package dev.camelsixtyfour.app.source.mail;

import java.util.List;
import java.util.Locale;

/** Whole addresses and {@code @domain} patterns, case-insensitive; an empty list lets every sender in. */
final class SenderAllowList {

    private final List<String> patterns;

    SenderAllowList(List<String> patterns) {
        this.patterns = patterns.stream().map(String::strip).filter(pattern -> !pattern.isEmpty())
                .map(pattern -> pattern.toLowerCase(Locale.ROOT)).toList();
    }

    boolean allows(String sender) {
        if (patterns.isEmpty()) {
            return true;
        }
        if (MailEnvelope.NO_SENDER.equals(sender)) {
            return false;
        }
        String address = sender.toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(pattern -> pattern.startsWith("@")
                ? address.endsWith(pattern) : address.equals(pattern));
    }
}
