package dev.conform.checker.tlc;

import java.util.List;

/**
 * The behaviour TLC printed for a violation. Liveness counterexamples end in a loop: either
 * {@link Loop#STUTTERING} (the last state repeats forever) or {@link Loop#BACK_TO_STATE}
 * (the behaviour returns to state {@code loopTo}, via {@code loopAction}).
 */
public record Counterexample(List<TlcState> states, Loop loop, int loopTo, String loopAction,
        SourceLocation loopLocation) {

    public enum Loop { NONE, STUTTERING, BACK_TO_STATE }

    public Counterexample {
        states = List.copyOf(states);
    }
}
