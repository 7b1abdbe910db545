package dev.conform.checker.tlc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message codes and text patterns of TLC 2.18's tool output (tlc2.output.EC). */
final class TlcPatterns {
    static final int GENERAL = 1000;
    static final int OOM = 1001;
    static final int OOM_INIT = 1002;
    static final int OOM_LIVENESS = 1003;
    static final int STACK_OVERFLOW = 1005;
    static final int ASSUMPTION_FALSE = 2104;
    static final int ASSUMPTION_EVAL = 2105;
    static final int INVARIANT_INITIAL = 2107;
    static final int INVARIANT_BEHAVIOR = 2110;
    static final int INVARIANT_EVAL = 2111;
    static final int ACTION_PROPERTY = 2112;
    static final int ACTION_PROPERTY_EVAL = 2113;
    static final int DEADLOCK = 2114;
    static final int TEMPORAL = 2116;
    static final int BEHAVIOR_INTRO = 2121;
    static final int BACK_TO_STATE = 2122;
    static final int PARSING_FAILED2 = 2171;
    static final int FINISHED = 2186;
    static final int SUCCESS = 2193;
    static final int DEPTH = 2194;
    static final int STATS = 2199;
    static final int PROGRESS = 2200;
    static final int STATE_PRINT1 = 2216;
    static final int STATE_PRINT2 = 2217;
    static final int STUTTERING = 2218;
    static final int VERSION = 2262;
    static final int COUNTEREXAMPLE_INTRO = 2264;
    static final int PARSING_FAILED = 3002;
    static final int FEATURE_UNSUPPORTED = 2156;
    static final int WORKER_REGISTERED = 7001;
    static final int WORKER_DEREGISTERED = 7002;
    static final int WORKER_LOST = 7006;

    static final Pattern NUMBER = Pattern.compile("[\\d,]+");
    static final Pattern STATS_TEXT = Pattern.compile(
            "([\\d,]+) states generated, ([\\d,]+) distinct states found, ([\\d,]+) states left on queue");
    static final Pattern DEPTH_TEXT = Pattern.compile("depth of the complete state graph search is ([\\d,]+)");
    static final Pattern PROGRESS_TEXT = Pattern.compile(
            "([\\d,]+) states generated(?: \\(([\\d,]+) s/min\\))?, ([\\d,]+) distinct states found"
            + "(?: \\(([\\d,]+) ds/min\\))?, ([\\d,]+) states left on queue");
    static final Pattern INVARIANT_NAME = Pattern.compile("Invariant (\\S+) is violated");
    static final Pattern ACTION_PROPERTY_NAME = Pattern.compile("Action property (\\S+) is violated");
    static final Pattern EVAL_NAME = Pattern.compile("Evaluating (?:invariant|action property) (\\S+) failed");
    /** "line 5, col 8 to line 5, col 41 of module Counter". */
    static final Pattern RANGE = Pattern.compile(
            "line (\\d+), col (\\d+) to line (\\d+), col (\\d+) of module (\\S+?)(?=[>\\s.,:]|$)");

    private TlcPatterns() {
    }

    static Long number(String s) {
        return s == null ? null : Long.parseLong(s.replace(",", ""));
    }

    /** A location range found in {@code text}, or null. */
    static SourceLocation range(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.find()) {
            return null;
        }
        return new SourceLocation(m.group(5), null, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
    }
}
