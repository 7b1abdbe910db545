package dev.conform.algorithms.paxos;

import dev.conform.runtime.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The durable half of a server: the acceptor's promise and votes, the highest ballot the server
 * started as proposer, and the snapshot of the applied store. It knows whether it changed since
 * it was last persisted, so a handler persists once, at its end; the runtime makes that durable
 * before any message of the handler leaves (persist before send).
 */
final class Acceptor {
    /** A vote's ballot and value (the slot is the map key). */
    record Pair(long ballot, String value) {
    }

    private long ballot;
    private long promised;
    private final NavigableMap<Long, Pair> accepted = new TreeMap<>();
    private final NavigableMap<Long, Pair> acceptedView = Collections.unmodifiableNavigableMap(accepted);
    private long snapshotIndex;
    private String snapshot;
    private boolean dirty;

    Acceptor(PaxosPersistentState p) {
        ballot = p.ballot();
        promised = p.promised();
        for (Vote v : p.accepted()) {
            accepted.put(v.slot(), new Pair(v.ballot(), v.value()));
        }
        snapshotIndex = p.snapshotIndex();
        snapshot = p.snapshot();
    }

    long ballot() {
        return ballot;
    }

    long promised() {
        return promised;
    }

    /** Votes by slot, above the snapshot, read-only. */
    NavigableMap<Long, Pair> accepted() {
        return acceptedView;
    }

    long snapshotIndex() {
        return snapshotIndex;
    }

    String snapshot() {
        return snapshot;
    }

    /** StartBallot: the proposer's new ballot, promised by its own acceptor at once. */
    void startBallot(long b) {
        ballot = b;
        promised = b;
        dirty = true;
    }

    /** Promises {@code b} (higher than or equal to the current promise). */
    void promise(long b) {
        if (b != promised) {
            promised = b;
            dirty = true;
        }
    }

    /** Votes for {@code value} in {@code slot} at {@code b}; slots inside the snapshot are not stored. */
    void accept(long slot, long b, String value) {
        accepted.put(slot, new Pair(b, value));
        dirty = true;
    }

    /** The votes as the triples a Promise carries. */
    List<Vote> votes() {
        List<Vote> out = new ArrayList<>(accepted.size());
        for (Map.Entry<Long, Pair> e : accepted.entrySet()) {
            out.add(new Vote(e.getKey(), e.getValue().ballot(), e.getValue().value()));
        }
        return out;
    }

    /** TakeSnapshot / HandleInstallSnapshot: the store at {@code index}; votes up to it are dropped. */
    void snapshot(long index, String state) {
        snapshotIndex = index;
        snapshot = state;
        accepted.headMap(index, true).clear();
        dirty = true;
    }

    /** The flaw snapshot-overwrites-newer: every vote goes, also those above the snapshot. */
    void forgetAllVotes() {
        accepted.clear();
        dirty = true;
    }

    void persistIfChanged(Context<PaxosMessage> ctx) {
        if (dirty) {
            ctx.persist(persistentState());
            dirty = false;
        }
    }

    PaxosPersistentState persistentState() {
        return new PaxosPersistentState(ballot, promised, votes(), snapshotIndex, snapshot);
    }
}
