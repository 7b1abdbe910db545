package dev.conform.checker.mutate;

import java.util.List;

/**
 * A mutation operator: from a conforming trace, a wrong trace that no implementation could have
 * produced under the trace's header, by construction (never "probably wrong"). An operator first
 * lists the places it applies to ({@link #sites}), then makes one mutant per chosen site.
 */
public interface MutationOperator {
    /** Short name, used on the command line and in file names (e.g. {@code deliver-unsent}). */
    String name();

    /** Why every mutant of this operator is impossible, one line. */
    String why();

    /** The places of {@code t} this operator applies to (event indexes or operator-specific numbers). */
    List<Integer> sites(Trace t);

    /**
     * The mutant at {@code site} (one of {@link #sites}); {@code index} numbers it among the
     * operator's mutants.
     */
    Mutant apply(Trace t, int site, int index);
}
