package dev.conform.cli.mbt;

import dev.conform.checker.tlc.TlcResult;
import java.util.List;
import java.util.Set;

/**
 * The outcome of {@code conform mbt}: how many behaviours TLC drew and the implementation
 * followed, the spec actions they took, and the first mismatch.
 *
 * @param tlc TLC's simulation run (not OK: no verdict on the implementation, never a pass)
 * @param behaviours behaviours replayed (up to and including the one that mismatched)
 * @param steps spec steps the implementation followed
 * @param covered spec actions the replayed behaviours took
 * @param actions every spec action of the model
 * @param mismatch the first mismatch, or null
 * @param mismatchBehaviour the number (from 1) of the behaviour that mismatched, or 0
 */
public record MbtResult(TlcResult tlc, int behaviours, long steps, Set<String> covered, List<String> actions,
        Mismatch mismatch, int mismatchBehaviour) {

    public boolean passed() {
        return tlc.isOk() && mismatch == null && behaviours > 0;
    }

    /** Spec actions no replayed behaviour took. */
    public List<String> uncovered() {
        return actions.stream().filter(a -> !covered.contains(a)).toList();
    }
}
