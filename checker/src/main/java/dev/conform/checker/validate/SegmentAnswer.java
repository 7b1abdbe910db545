package dev.conform.checker.validate;

import dev.conform.checker.tlc.TlcOutputParser;
import dev.conform.checker.tlc.TlcResult;
import dev.conform.checker.tlc.Verdict;
import dev.conform.checker.value.TlaValue;
import dev.conform.checker.value.TlaValues;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a TLC run over one trace segment of {@code len} events says about that segment,
 * when TLC finished without error. Every step consumes one event, so a full match shows twice:
 * the search depth (message 2194) is {@code len + 1}, and the end marker that the generated
 * CONSTRAINT prints (PrintT) at {@code l = len + 1} is in the output. A match needs both; they
 * must agree, and any marker that cannot be read is a failure. A depth of at most {@code len}
 * with no marker is a divergence at event {@code depth} of the segment; on the last segment, the
 * depth {@code len + 1} with no marker means that no end state satisfies the end condition.
 */
sealed interface SegmentAnswer {
    /** TLC reached the end of the segment; {@code endStates} are the distinct end states printed. */
    record Matched(List<Map<String, TlaValue>> endStates) implements SegmentAnswer {
    }

    /** No behaviour matches event {@code depth} of the segment (1-based). */
    record Diverged(long depth) implements SegmentAnswer {
    }

    /**
     * TLC matched every event of the trace's last segment, but no state it reached there satisfies
     * the trace spec's {@code TraceEndCondition} (the end marker is printed only where it holds).
     */
    record EndConditionFails() implements SegmentAnswer {
    }

    /** The answer is not trustworthy: never a pass. */
    record Unreadable(String reason) implements SegmentAnswer {
    }

    /** The tag of the end marker; a trace spec must not print it itself. */
    String END_TAG = "conform-end";

    Pattern MARKER_START = Pattern.compile("<<\\s*\"" + END_TAG + "\"");

    /**
     * @param r         a TLC run whose verdict is {@link Verdict#OK}
     * @param len       events in the segment
     * @param wantState whether the markers must carry the end state (all segments but the last)
     */
    static SegmentAnswer read(TlcResult r, long len, boolean wantState) {
        if (r.verdict() != Verdict.OK) {
            return new Unreadable("TLC answered " + r.verdict() + ", not a finished search");
        }
        Long depth = r.statistics() == null ? null : r.statistics().depth();
        List<TlaValue> markers;
        try {
            markers = markers(r.rawOutput());
        } catch (RuntimeException e) {
            return new Unreadable("an end marker in TLC's output cannot be read: " + e.getMessage());
        }
        if (depth == null) {
            return new Unreadable("TLC reported no search depth");
        }
        if (depth == len + 1) {
            if (markers.isEmpty() && !wantState) {
                return new EndConditionFails();
            }
            if (markers.isEmpty()) {
                return new Unreadable("TLC's search depth " + depth + " says all " + len
                        + " events were matched, but the end marker is missing");
            }
            Set<Map<String, TlaValue>> states = new LinkedHashSet<>();
            for (TlaValue m : markers) {
                String bad = checkMarker(m, len, wantState);
                if (bad != null) {
                    return new Unreadable(bad);
                }
                if (wantState) {
                    states.add(((TlaValue.Record) ((TlaValue.Tuple) m).elements().get(2)).fields());
                }
            }
            return new Matched(List.copyOf(states));
        }
        if (depth >= 1 && depth <= len) {
            if (!markers.isEmpty()) {
                return new Unreadable("TLC printed an end marker but its search depth " + depth
                        + " is short of the " + (len + 1) + " a full match of " + len + " events reaches");
            }
            return new Diverged(depth);
        }
        return new Unreadable("TLC reported search depth " + depth + " for a segment of " + len + " events");
    }

    /** Null when {@code m} is {@code <<"conform-end", len + 1>>} (plus a record of variables if wanted). */
    private static String checkMarker(TlaValue m, long len, boolean wantState) {
        if (!(m instanceof TlaValue.Tuple t) || t.elements().size() < 2
                || !(t.elements().get(1) instanceof TlaValue.Int l)) {
            return "malformed end marker: " + m.toTla();
        }
        if (l.value().longValue() != len + 1 || l.value().bitLength() > 62) {
            return "end marker at l = " + l.value() + " but a full match of " + len + " events ends at l = " + (len + 1);
        }
        int expected = wantState ? 3 : 2;
        if (t.elements().size() != expected || wantState && !(t.elements().get(2) instanceof TlaValue.Record)) {
            return "malformed end marker (expected " + expected + " elements" + (wantState ? ", the last a record" : "")
                    + "): " + abbreviate(m.toTla());
        }
        return null;
    }

    /** Every end marker printed outside TLC's framed messages, parsed. */
    static List<TlaValue> markers(String rawOutput) {
        return tagged(rawOutput, MARKER_START);
    }

    /** Every tuple printed outside TLC's framed messages whose start {@code start} matches, parsed. */
    static List<TlaValue> tagged(String rawOutput, Pattern start) {
        TlcOutputParser p = new TlcOutputParser();
        rawOutput.lines().forEach(p::accept);
        String text = String.join("\n", p.unframed());
        List<TlaValue> out = new ArrayList<>();
        Matcher m = start.matcher(text);
        int from = 0;
        while (m.find(from)) {
            int end = balancedEnd(text, m.start());
            out.add(TlaValues.parse(text.substring(m.start(), end)));
            from = end;
        }
        return out;
    }

    /** End (exclusive) of the bracketed value starting at {@code start}, skipping string contents. */
    private static int balancedEnd(String s, int start) {
        int depth = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                for (i++; i < s.length() && s.charAt(i) != '"'; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '<' && i + 1 < s.length() && s.charAt(i + 1) == '<'
                    || c == '>' && i + 1 < s.length() && s.charAt(i + 1) == '>') {
                depth += c == '<' ? 1 : -1;
                i++;
            } else if (c == '[' || c == '{' || c == '(') {
                depth++;
            } else if (c == ']' || c == '}' || c == ')') {
                depth--;
            }
            if (depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unterminated value: " + abbreviate(s.substring(start)));
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
