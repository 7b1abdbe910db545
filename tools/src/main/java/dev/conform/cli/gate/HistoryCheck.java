package dev.conform.cli.gate;

import dev.conform.checker.linearizability.History;
import dev.conform.checker.linearizability.Linearizability;
import dev.conform.checker.linearizability.Operation;
import dev.conform.checker.linearizability.Result;
import dev.conform.tracing.io.TraceFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the linearizability check said about one chaos run's client history (the clients' requests
 * and replies in its trace, {@link dev.conform.checker.linearizability.TraceHistory}).
 *
 * @param kind       the verdict, or ERROR when the history could not be read or checked
 * @param message    one line: the figures, the budget that ran out, or the error
 * @param witness    for ILLEGAL the operations no order explains, one per line; else empty
 */
record HistoryCheck(Kind kind, String message, List<String> witness) {
    /** OK, ILLEGAL and UNKNOWN are the checker's verdicts; ERROR a failure of conform itself. */
    enum Kind { OK, ILLEGAL, UNKNOWN, ERROR }

    HistoryCheck {
        witness = List.copyOf(witness);
    }

    boolean passed() {
        return kind == Kind.OK;
    }

    /** Reads the client history of {@code trace} and checks it with {@code settings}. */
    static HistoryCheck of(Path trace, LinearizabilitySettings settings) {
        History h;
        Result r;
        try {
            h = dev.conform.checker.linearizability.TraceHistory.read(trace);
            r = Linearizability.check(h, settings.model(), settings.perRun());
        } catch (IOException | TraceFormatException | IllegalArgumentException e) {
            return new HistoryCheck(Kind.ERROR, "cannot check the client history: " + e.getMessage(), List.of());
        }
        String figures = r.operations() + " operations (" + h.pendingCount() + " with unknown outcome), " + r.keys()
                + (settings.model().byKey() ? " keys" : " register");
        return switch (r.verdict()) {
            case OK -> new HistoryCheck(Kind.OK, "linearizable; " + figures, List.of());
            case UNKNOWN -> new HistoryCheck(Kind.UNKNOWN, "no verdict: " + r.reason()
                    + (r.key() == null ? "" : " on key " + r.key()) + "; " + figures, List.of());
            case ILLEGAL -> {
                List<String> w = new ArrayList<>();
                for (Operation o : r.witness()) {
                    w.add(o.toString());
                }
                yield new HistoryCheck(Kind.ILLEGAL, "not linearizable" + (r.key() == null ? "" : " (key " + r.key() + ")")
                        + ": " + (r.witnessMinimal() ? "minimal" : "shrunk") + " witness of " + w.size()
                        + " operations no order explains; " + figures, w);
            }
        };
    }
}
