package dev.camelsixtyfour.emulator;

/**
 * Prefix matching by whole path segments: {@code /workflows/run} matches {@code /workflows/run} and anything below
 * it, but not {@code /workflows/runs}; {@code /} matches every path.
 */
final class PathPrefix {

    private PathPrefix() {
    }

    static boolean matches(String prefix, String path) {
        if (prefix.endsWith("/")) {
            return path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1));
        }
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
