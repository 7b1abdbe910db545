package dev.conform.cli.mbt;

/**
 * A step of a spec behaviour the implementation could not follow.
 *
 * @param step the step's number in its behaviour (state {@code step + 1} of TLC's file; 1 = the first step)
 * @param specStep what the spec did
 * @param problem what the implementation did instead
 * @param specState the spec's state after the step (TLA+)
 * @param implState the implementation's side: its recorded state, or what it has in flight
 */
public record Mismatch(int step, MbtStep specStep, String problem, String specState, String implState) {
}
