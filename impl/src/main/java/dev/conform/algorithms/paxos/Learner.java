package dev.conform.algorithms.paxos;

import dev.conform.algorithms.raft.StateMachine;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The learner: which slots are known chosen, how far they are applied, and the store they are
 * applied to. Volatile above the snapshot: a restarted server starts from the snapshot.
 */
final class Learner {
    static final String NOOP = "noop";

    private final NavigableMap<Long, String> chosen = new TreeMap<>();
    private final NavigableMap<Long, String> chosenView = Collections.unmodifiableNavigableMap(chosen);
    private final StateMachine store;
    private long applied;

    /** A learner at the snapshot {@code state} of slot {@code index}. */
    Learner(StateMachine store, long index, String state) {
        this.store = store;
        store.restore(state);
        this.applied = index;
    }

    long applied() {
        return applied;
    }

    /** Known chosen values by slot, above the snapshot, read-only. */
    NavigableMap<Long, String> chosen() {
        return chosenView;
    }

    StateMachine store() {
        return store;
    }

    /** Records {@code value} as chosen in {@code slot} (above the snapshot) unless it is known already. */
    void learn(long slot, String value) {
        chosen.putIfAbsent(slot, value);
    }

    /** True when the slot after the applied prefix is known chosen. */
    boolean canApply() {
        return chosen.containsKey(applied + 1);
    }

    /** Applies the next chosen slot; returns its value ({@link #NOOP} changes nothing). */
    String applyNext() {
        applied++;
        return chosen.get(applied);
    }

    /** The store's result of {@code command} (not a noop). */
    String execute(String command) {
        return store.apply(command);
    }

    /** TakeSnapshot: chosen slots up to {@code index} are in the snapshot now. */
    void truncate(long index) {
        chosen.headMap(index, true).clear();
    }

    /** HandleInstallSnapshot: the store and the applied prefix jump to the snapshot. */
    void install(long index, String state) {
        store.restore(state);
        applied = index;
        chosen.headMap(index, true).clear();
    }

    /** The flaw snapshot-overwrites-newer: chosen slots above the snapshot are lost as well. */
    void forgetAllChosen() {
        chosen.clear();
    }
}
