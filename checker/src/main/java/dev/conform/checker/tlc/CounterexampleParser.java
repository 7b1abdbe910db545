package dev.conform.checker.tlc;

import dev.conform.checker.value.TlaValue;
import dev.conform.checker.value.TlaValueSyntaxException;
import dev.conform.checker.value.TlaValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the {@link Counterexample} from TLC's state messages (2216/2217, 2218, 2122). */
final class CounterexampleParser {
    /** "3: <Inc line 5, col 8 to line 5, col 41 of module Counter>" or "1: <Initial predicate>". */
    private static final Pattern HEADER = Pattern.compile("^(\\d+): (?:<(.*)>|(.*))$");
    private static final Pattern BACK = Pattern.compile("^(\\d+): Back to state(?:: <(.*)>)?\\s*$");
    private static final String INITIAL = "Initial predicate";

    private CounterexampleParser() {
    }

    /** The counterexample in {@code messages}, or null when TLC printed no states. */
    static Counterexample parse(List<TlcMessage> messages) {
        List<TlcState> states = new ArrayList<>();
        Counterexample.Loop loop = Counterexample.Loop.NONE;
        int loopTo = 0;
        String loopAction = null;
        SourceLocation loopLocation = null;
        for (TlcMessage m : messages) {
            if (m.code() == TlcPatterns.STATE_PRINT1 || m.code() == TlcPatterns.STATE_PRINT2) {
                states.add(state(m.text()));
            } else if (m.code() == TlcPatterns.STUTTERING) {
                loop = Counterexample.Loop.STUTTERING;
                loopTo = states.size();
            } else if (m.code() == TlcPatterns.BACK_TO_STATE) {
                Matcher b = BACK.matcher(m.text().lines().findFirst().orElse(""));
                loop = Counterexample.Loop.BACK_TO_STATE;
                if (b.find()) {
                    loopTo = Integer.parseInt(b.group(1));
                    if (b.group(2) != null) {
                        loopAction = actionName(b.group(2));
                        loopLocation = TlcPatterns.range(b.group(2));
                    }
                }
            }
        }
        if (states.isEmpty()) {
            return null;
        }
        return new Counterexample(states, loop, loopTo, loopAction, loopLocation);
    }

    static TlcState state(String text) {
        int nl = text.indexOf('\n');
        String header = nl < 0 ? text : text.substring(0, nl);
        String body = nl < 0 ? "" : text.substring(nl + 1);
        Matcher h = HEADER.matcher(header.trim());
        if (!h.find()) {
            return new TlcState(0, null, null, Map.of(), text, "unrecognised state header: " + header);
        }
        int number = Integer.parseInt(h.group(1));
        String label = h.group(2) != null ? h.group(2) : h.group(3);
        String action = actionName(label);
        SourceLocation loc = INITIAL.equals(label) ? null : TlcPatterns.range(label);
        try {
            Map<String, TlaValue> vars = body.isBlank() ? Map.of() : TlaValues.parseState(body);
            return new TlcState(number, action, loc, vars, text, null);
        } catch (TlaValueSyntaxException e) {
            return new TlcState(number, action, loc, Map.of(), text, e.getMessage());
        }
    }

    /** "Inc line 5, col 8 ..." gives "Inc"; "Initial predicate" stays as is. */
    static String actionName(String label) {
        int at = label.indexOf(" line ");
        return (at < 0 ? label : label.substring(0, at)).trim();
    }
}
