package dev.conform.checker.tlc;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the verdict of a run from TLC's messages and cross-checks it against TLC's exit code.
 * Fails closed: OK needs exit 0, TLC's success message, final statistics, the finish message
 * and no error message; any disagreement between exit code and messages is a
 * {@link Verdict#TLC_CRASH}.
 */
final class VerdictClassifier {

    /** What the classifier decided. */
    record Classification(Verdict verdict, String name, String message, SourceLocation location,
            String missingModule) {
    }

    private VerdictClassifier() {
    }

    static Classification classify(TlcOutputParser out, Integer exitCode, boolean timedOut,
            List<String> configuredProperties) {
        return classify(out, exitCode, timedOut, configuredProperties, false);
    }

    /**
     * As above; {@code distributed} for TLC's distributed server, which exits 0 whatever it found,
     * names no violation (it prints only the behaviour) and carries on when a worker is lost.
     */
    static Classification classify(TlcOutputParser out, Integer exitCode, boolean timedOut,
            List<String> configuredProperties, boolean distributed) {
        return classify(out, exitCode, timedOut, configuredProperties, distributed, false);
    }

    /**
     * As above; {@code simulation} for a {@code -simulate} run, which finishes without TLC's
     * success message and final statistics (it explored no state space): OK then needs exit 0,
     * the finish message and no error.
     */
    static Classification classify(TlcOutputParser out, Integer exitCode, boolean timedOut,
            List<String> configuredProperties, boolean distributed, boolean simulation) {
        if (timedOut) {
            return new Classification(Verdict.TIMEOUT, null, "TLC did not finish within the timeout; it was killed",
                    null, null);
        }
        List<TlcMessage> messages = out.messages();
        if (outOfMemory(out, messages)) {
            return new Classification(Verdict.OUT_OF_MEMORY, null,
                    "TLC ran out of memory (give it more with a larger -Xmx or a smaller model)", null, null);
        }
        Classification c = fromMessages(out, messages, exitCode, configuredProperties);
        if (distributed) {
            c = distributed(c, messages);
        }
        return crossCheck(c, out, messages, exitCode, distributed, simulation);
    }

    private static Classification distributed(Classification c, List<TlcMessage> messages) {
        if (c == null && has(messages, TlcPatterns.BEHAVIOR_INTRO)) {
            return of(Verdict.INVARIANT_VIOLATED, null,
                    "distributed TLC found a counterexample but does not say what it violates");
        }
        if (c != null && c.verdict() == Verdict.EVALUATION_ERROR && hasError(messages, TlcPatterns.FEATURE_UNSUPPORTED)) {
            return of(Verdict.SEMANTIC_ERROR, null, "not supported by distributed TLC: " + c.message());
        }
        // TLC puts a lost worker's states back on the queue, but a pass is only trusted from a
        // run in which every worker that joined stayed: a pass is what must never be wrong.
        if (c == null && (has(messages, TlcPatterns.WORKER_LOST) || has(messages, TlcPatterns.WORKER_DEREGISTERED))) {
            return of(Verdict.TLC_CRASH, null, "a TLC worker was lost during the run; a pass is not trusted "
                    + "(run again with all workers up)");
        }
        return c;
    }

    private static boolean hasError(List<TlcMessage> messages, int code) {
        return messages.stream().anyMatch(m -> m.code() == code && m.type() == TlcMessage.ERROR);
    }

    private static boolean outOfMemory(TlcOutputParser out, List<TlcMessage> messages) {
        for (TlcMessage m : messages) {
            if (m.code() == TlcPatterns.OOM || m.code() == TlcPatterns.OOM_INIT || m.code() == TlcPatterns.OOM_LIVENESS) {
                return true;
            }
        }
        return out.raw().contains("java.lang.OutOfMemoryError");
    }

    private static Classification fromMessages(TlcOutputParser out, List<TlcMessage> messages, Integer exit,
            List<String> configuredProperties) {
        for (int i = 0; i < messages.size(); i++) {
            TlcMessage m = messages.get(i);
            if (m.type() != TlcMessage.ERROR && m.type() != TlcMessage.TLC_BUG) {
                continue;
            }
            if (m.code() == TlcPatterns.BEHAVIOR_INTRO || m.code() == TlcPatterns.COUNTEREXAMPLE_INTRO) {
                continue;
            }
            String text = withNested(messages, i);
            if (m.type() == TlcMessage.TLC_BUG) {
                return of(Verdict.TLC_CRASH, null, "TLC reported an internal error: " + firstLine(text));
            }
            switch (m.code()) {
                case TlcPatterns.INVARIANT_INITIAL, TlcPatterns.INVARIANT_BEHAVIOR:
                    return named(Verdict.INVARIANT_VIOLATED, TlcPatterns.INVARIANT_NAME, m.text(), "invariant");
                case TlcPatterns.ACTION_PROPERTY:
                    return named(Verdict.PROPERTY_VIOLATED, TlcPatterns.ACTION_PROPERTY_NAME, m.text(), "action property");
                case TlcPatterns.TEMPORAL: {
                    String name = configuredProperties.size() == 1 ? configuredProperties.get(0) : null;
                    return of(Verdict.PROPERTY_VIOLATED, name, name != null ? "temporal property " + name + " is violated"
                            : "a temporal property is violated (TLC does not say which of " + configuredProperties + ")");
                }
                case TlcPatterns.DEADLOCK:
                    return of(Verdict.DEADLOCK, null, "deadlock reached");
                case TlcPatterns.ASSUMPTION_FALSE: {
                    SourceLocation loc = TlcPatterns.range(m.text());
                    return new Classification(Verdict.ASSUMPTION_FAILED, loc == null ? null : "ASSUME at " + loc,
                            "assumption is false: " + firstLine(m.text()), loc, null);
                }
                case TlcPatterns.PARSING_FAILED, TlcPatterns.PARSING_FAILED2:
                    return sany(out, m);
                case TlcPatterns.STACK_OVERFLOW:
                    return of(Verdict.TLC_CRASH, null, "TLC overflowed its stack: " + firstLine(text));
                case TlcPatterns.GENERAL:
                    return exit != null && exit >= 75 && exit <= 77
                            ? evaluation(m, text) : of(Verdict.TLC_CRASH, null, firstLine(text));
                default:
                    return byCode(m, text, exit);
            }
        }
        return null;
    }

    private static Classification byCode(TlcMessage m, String text, Integer exit) {
        int code = m.code();
        boolean config = (code >= 2222 && code <= 2243) || code == 2280 || code == 2281
                || (code >= 3100 && code <= 3114);
        if (config) {
            return of(Verdict.SEMANTIC_ERROR, null, "configuration error: " + oneLine(text));
        }
        boolean evaluation = code == TlcPatterns.ASSUMPTION_EVAL || code == TlcPatterns.INVARIANT_EVAL
                || code == TlcPatterns.ACTION_PROPERTY_EVAL || (code >= 2102 && code <= 2103)
                || code == 2118 || (code >= 2141 && code <= 2184) || (code >= 2249 && code <= 2253)
                || code == 2154;
        if (evaluation || (exit != null && exit >= 75 && exit <= 77)) {
            return evaluation(m, text);
        }
        if (exit != null && (exit == 150 || exit == 151)) {
            return of(Verdict.SEMANTIC_ERROR, null, oneLine(text));
        }
        return of(Verdict.TLC_CRASH, null, "unrecognised TLC error " + code + ": " + firstLine(text));
    }

    private static Classification evaluation(TlcMessage m, String text) {
        Matcher n = TlcPatterns.EVAL_NAME.matcher(m.text());
        return new Classification(Verdict.EVALUATION_ERROR, n.find() ? n.group(1) : null,
                "evaluation error: " + oneLine(text), TlcPatterns.range(text), null);
    }

    private static Classification sany(TlcOutputParser out, TlcMessage m) {
        SanyError e = SanyError.find(out.unframed());
        if (e == null) {
            return of(Verdict.PARSE_ERROR, null, oneLine(m.text()));
        }
        return new Classification(e.kind(), null, e.message(), e.location(), e.missingModule());
    }

    private static Classification named(Verdict v, Pattern p, String text, String what) {
        Matcher n = p.matcher(text);
        String name = n.find() ? n.group(1) : null;
        return of(v, name, what + " " + (name == null ? "?" : name) + " is violated");
    }

    private static Classification of(Verdict v, String name, String message) {
        return new Classification(v, name, message, null, null);
    }

    /**
     * Exit codes TLC 2.18 uses for each verdict (tlc2.output.EC.ExitStatus). TLCServer has none of
     * its own: it exits 0 after any finished run and 1 when it fails before the model check.
     */
    private static Set<Integer> expectedExits(Verdict v, boolean distributed) {
        if (distributed) {
            return v.isViolation() || v == Verdict.OK ? Set.of(0) : Set.of(0, 1);
        }
        return switch (v) {
            case OK -> Set.of(0);
            case ASSUMPTION_FAILED -> Set.of(10);
            case DEADLOCK -> Set.of(11);
            case INVARIANT_VIOLATED -> Set.of(12);
            case PROPERTY_VIOLATED -> Set.of(12, 13);
            case EVALUATION_ERROR -> Set.of(14, 75, 76, 77, 255);
            case PARSE_ERROR -> Set.of(150);
            case SEMANTIC_ERROR -> Set.of(150, 151);
            default -> Set.of();
        };
    }

    private static Classification crossCheck(Classification c, TlcOutputParser out, List<TlcMessage> messages,
            Integer exit, boolean distributed, boolean simulation) {
        if (c == null) {
            if (exit == null || exit != 0) {
                return of(Verdict.TLC_CRASH, null, "TLC exited with code " + exit + " without reporting an error"
                        + lastUnframed(out));
            }
            String missing = missingForOk(messages, simulation);
            if (missing != null) {
                return of(Verdict.TLC_CRASH, null, "TLC exited 0 but did not finish cleanly: no " + missing);
            }
            if (out.malformed()) {
                return of(Verdict.TLC_CRASH, null, "TLC's output was cut off inside a message");
            }
            return new Classification(Verdict.OK, null, null, null, null);
        }
        if (c.verdict() == Verdict.TLC_CRASH) {
            return c;
        }
        if (exit == null || !expectedExits(c.verdict(), distributed).contains(exit)) {
            return of(Verdict.TLC_CRASH, c.name(), "TLC's exit code " + exit + " disagrees with its messages ("
                    + c.verdict() + ": " + c.message() + ")");
        }
        if (c.verdict().isViolation() && !has(messages, TlcPatterns.FINISHED)) {
            return of(Verdict.TLC_CRASH, c.name(), "TLC reported " + c.verdict() + " but did not finish cleanly");
        }
        return c;
    }

    private static String missingForOk(List<TlcMessage> messages, boolean simulation) {
        if (!simulation && !has(messages, TlcPatterns.SUCCESS)) {
            return "\"No error has been found\" message";
        }
        if (!simulation && !has(messages, TlcPatterns.STATS)) {
            return "final statistics";
        }
        if (!has(messages, TlcPatterns.FINISHED)) {
            return "\"Finished\" message";
        }
        return null;
    }

    static boolean has(List<TlcMessage> messages, int code) {
        for (TlcMessage m : messages) {
            if (m.code() == code) {
                return true;
            }
        }
        return false;
    }

    /** A message's text followed by the texts of the messages nested in it. */
    private static String withNested(List<TlcMessage> messages, int i) {
        StringBuilder b = new StringBuilder(messages.get(i).text());
        int depth = messages.get(i).depth();
        for (int j = i + 1; j < messages.size() && messages.get(j).depth() > depth; j++) {
            b.append('\n').append(messages.get(j).text());
        }
        return b.toString();
    }

    private static String lastUnframed(TlcOutputParser out) {
        List<String> lines = out.unframed();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return ": " + lines.get(i).trim();
            }
        }
        return "";
    }

    static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").trim();
    }

    static String oneLine(String text) {
        return String.join(" ", text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList());
    }
}
