package dev.conform.checker.linearizability;

import java.util.Locale;

/** The history formats {@link HistoryReader} reads (see the package documentation). */
public enum HistoryFormat {
    /** A conform NDJSON trace: the client role's requests and replies. */
    CONFORM,
    /** JSON lines, one Jepsen-style event per line. */
    JSONL,
    /** Jepsen's EDN operation maps ({@code history.edn}). */
    EDN,
    /** The {@code jepsen.util} log lines older Jepsen tests print. */
    JEPSEN_LOG;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static HistoryFormat byName(String name) {
        for (HistoryFormat f : values()) {
            if (f.cliName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The format of a file from its first non-blank text: a conform trace header
     * ({@code {"type":"header"}), another JSON object (JSON lines), an EDN map or vector, or a line
     * naming {@code jepsen.util}; null when none fits.
     */
    static HistoryFormat sniff(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return null;
        }
        int eol = text.indexOf('\n', i);
        String first = text.substring(i, eol < 0 ? text.length() : eol);
        if (first.contains("jepsen.util")) {
            return JEPSEN_LOG;
        }
        if (first.startsWith("{\"") || first.startsWith("{ \"")) {
            return first.replace(" ", "").contains("\"type\":\"header\"") ? CONFORM : JSONL;
        }
        if (first.startsWith("{") || first.startsWith("[") || first.startsWith(";")) {
            return EDN;
        }
        return text.contains("jepsen.util") ? JEPSEN_LOG : null;
    }

    /** The model a history of this format is checked against unless one is named. */
    public Model defaultModel() {
        return this == CONFORM || this == JSONL ? Model.KV : Model.CAS_REGISTER;
    }
}
