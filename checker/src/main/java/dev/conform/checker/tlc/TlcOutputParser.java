package dev.conform.checker.tlc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits TLC's {@code -tool} output into framed messages and unframed text, line by line as it
 * arrives. Frames may nest (an evaluation error inside an invariant failure); messages are kept
 * in the order they started. Text outside any frame (SANY's parse errors, Print output, JVM
 * errors) is kept separately.
 */
public final class TlcOutputParser {
    private static final Pattern MARKER =
            Pattern.compile("@!@!@STARTMSG (\\d+):(\\d+) @!@!@|@!@!@ENDMSG (\\d+) @!@!@");

    private final List<TlcMessage> messages = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private final List<String> unframed = new ArrayList<>();
    private final StringBuilder raw = new StringBuilder();
    private boolean malformed;

    private static final class Open {
        final int code;
        final int type;
        final int slot;
        final StringBuilder text = new StringBuilder();

        Open(int code, int type, int slot) {
            this.code = code;
            this.type = type;
            this.slot = slot;
        }
    }

    /** Feeds one line of output (without its line terminator). */
    public void accept(String line) {
        raw.append(line).append('\n');
        Matcher m = MARKER.matcher(line);
        int from = 0;
        while (m.find()) {
            text(line.substring(from, m.start()), false);
            if (m.group(1) != null) {
                messages.add(null);
                open.push(new Open(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), messages.size() - 1));
            } else {
                close(Integer.parseInt(m.group(3)));
            }
            from = m.end();
        }
        if (from == 0) {
            text(line, true);
        } else {
            text(line.substring(from), false);
        }
    }

    private void text(String s, boolean wholeLine) {
        if (!wholeLine && s.isEmpty()) {
            return;
        }
        if (open.isEmpty()) {
            unframed.add(s);
        } else {
            open.peek().text.append(s).append('\n');
        }
    }

    private void close(int code) {
        if (open.isEmpty() || open.peek().code != code) {
            malformed = true;
            return;
        }
        Open o = open.pop();
        messages.set(o.slot, new TlcMessage(o.code, o.type, stripTrailing(o.text), open.size()));
    }

    private static String stripTrailing(StringBuilder b) {
        int end = b.length();
        while (end > 0 && Character.isWhitespace(b.charAt(end - 1))) {
            end--;
        }
        return b.substring(0, end);
    }

    /** Completed messages in start order (frames never closed are left out). */
    public List<TlcMessage> messages() {
        List<TlcMessage> out = new ArrayList<>(messages.size());
        for (TlcMessage m : messages) {
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** Lines outside any frame. */
    public List<String> unframed() {
        return List.copyOf(unframed);
    }

    /** Everything TLC printed, verbatim. */
    public String raw() {
        return raw.toString();
    }

    /** True when a frame was left open or closed out of order: the output is not trustworthy. */
    public boolean malformed() {
        return malformed || !open.isEmpty();
    }
}
