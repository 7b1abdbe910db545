package dev.conform.algorithms.raft;

import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.runtime.EffectLog;
import java.util.ArrayList;
import java.util.List;

/** Small builders for single-node unit tests. */
final class Servers {
    static final List<Integer> THREE = List.of(1, 2, 3);
    static final RaftConfig CONFIG = RaftConfig.defaults().withSnapshotEvery(0);

    private Servers() {
    }

    static RaftNode fresh() {
        return new RaftNode(CONFIG, THREE, new KvStateMachine(), null);
    }

    /** A server restored with {@code term}, no vote, and entries of the given terms. */
    static RaftNode withLog(long term, long... entryTerms) {
        List<LogEntry> log = new ArrayList<>();
        for (int i = 0; i < entryTerms.length; i++) {
            log.add(entry(entryTerms[i], i + 1));
        }
        return new RaftNode(CONFIG, THREE, new KvStateMachine(),
                new RaftPersistentState(term, 0, 0, 0, null, log));
    }

    static LogEntry entry(long term, long seq) {
        return new LogEntry(term, "101:" + seq + ":put k v" + seq);
    }

    static EffectLog<RaftMessage> ctx(int self) {
        return new EffectLog<>(self, THREE);
    }

    /** An effect log for server {@code self} with {@code node} started on it. */
    static EffectLog<RaftMessage> started(int self, RaftNode node) {
        EffectLog<RaftMessage> c = ctx(self);
        c.start(node);
        return c;
    }
}
