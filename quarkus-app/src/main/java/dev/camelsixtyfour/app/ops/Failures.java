package dev.camelsixtyfour.app.ops;

/** How a failure is named where an operator reads it: log lines, reason files and dead-letter headers. */
public final class Failures {

    private Failures() {
    }

    /**
     * The failure's message on one line; for a failure without a message (a refused connection, say) its type and
     * the description of its cause, so a reason is never {@code null}.
     */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            String type = failure.getClass().getSimpleName();
            return failure.getCause() == null ? type : type + ": " + describe(failure.getCause());
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
