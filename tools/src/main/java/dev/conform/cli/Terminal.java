package dev.conform.cli;

/** Whether to use terminal niceties: only when attached to a console (never in pipes or tests). */
final class Terminal {
    private Terminal() {
    }

    static boolean interactive() {
        return System.console() != null && System.getenv("NO_COLOR") == null;
    }

    static String bold(String s, boolean on) {
        return on ? "\u001b[1m" + s + "\u001b[0m" : s;
    }
}
