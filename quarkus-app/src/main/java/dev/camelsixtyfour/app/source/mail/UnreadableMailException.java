package dev.camelsixtyfour.app.source.mail;

/** A mail that reading it again cannot fix (its content, not the connection): it goes to quarantine. */
final class UnreadableMailException extends RuntimeException {

    UnreadableMailException(String reason, Throwable cause) {
        super(reason, cause);
    }

    UnreadableMailException(String reason) {
        super(reason);
    }
}
