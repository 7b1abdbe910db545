package dev.conform.checker.linearizability;

import java.util.List;

/**
 * The outcome of {@link Linearizability#check}.
 *
 * @param verdict       OK, ILLEGAL or UNKNOWN
 * @param model         the model checked against
 * @param operations    operations in the history
 * @param keys          independent objects checked (1 unless the model is by key)
 * @param states        search states visited, over all keys and the witness search
 * @param key           for ILLEGAL the key whose history is not linearizable, for UNKNOWN the key the
 *                      budget ran out on (null for a single register)
 * @param witness       for ILLEGAL a non-linearizable sub-history of that key (see
 *                      {@link Witness}), else empty
 * @param witnessMinimal whether the witness is minimal, or the budget ran out while shrinking it
 * @param reason        for UNKNOWN, why the budget ran out; else null
 */
public record Result(Verdict verdict, Model model, int operations, int keys, long states, String key,
                     List<Operation> witness, boolean witnessMinimal, String reason) {
    public Result {
        witness = List.copyOf(witness);
    }
}
