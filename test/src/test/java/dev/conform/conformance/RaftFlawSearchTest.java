package dev.conform.conformance;

import dev.conform.algorithms.raft.RaftFlaw;
import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.MemorySink;
import dev.conform.tracing.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;

/**
 * Every teaching flaw of the implementation is caught within a bounded seeded search of chaos
 * runs with the flaw on. The figures (first failing seed, how many runs failed, with which
 * invariant) are printed.
 *
 * <ul>
 * <li>{@code VoteTwice}, {@code VoteWithoutLogCheck}: the default chaos runs, Java invariants, up
 *     to 50 seeds.</li>
 * <li>{@code AppendWithoutPrevCheck}: its damage (a follower keeping a conflicting entry under a
 *     matching later one) needs several leader changes with uncommitted entries; longer runs (20
 *     commands per client, fast elections, HIGH intensity), Java invariants, up to 100 seeds.</li>
 * <li>{@code CommitOldTerm}: the wrong commit itself is frequent, but its consequence (figure 8: the
 *     entry later overwritten) needs a rare schedule that random plans did not produce in 100
 *     seeds. TLC with {@code Flaw = "None"} rejects the wrong commit step itself: the search picks
 *     the first run in which a leader advanced its commit index to an entry of an older term and
 *     TLC must reject that run exactly at that event.</li>
 * </ul>
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class RaftFlawSearchTest {
    private static final int SEEDS = 50;
    private static final int LONG_SEEDS = 100;

    private static RaftRuns.Run longRun(long seed, String flaw) {
        return new RaftRuns.Run(seed, Intensity.HIGH, "high", 20_000, RaftRuns.OPTIONS.with("ops", 20)
            .with("electionMin", 20).with("electionMax", 40).with("heartbeat", 10).withFlaw(flaw));
    }

    private static RaftRuns.Run shortRun(long seed, String flaw) {
        return RaftRuns.chaos(seed, "high", 2_000).withFlaw(flaw);
    }

    @Test
    void voteTwiceIsCaughtByTheJavaInvariants() {
        javaSearch(RaftFlaw.VOTE_TWICE, SEEDS, false);
    }

    @Test
    void voteWithoutLogCheckIsCaughtByTheJavaInvariants() {
        javaSearch(RaftFlaw.VOTE_WITHOUT_LOG_CHECK, SEEDS, false);
    }

    @Test
    void appendWithoutPrevCheckIsCaughtByTheJavaInvariants() {
        javaSearch(RaftFlaw.APPEND_WITHOUT_PREV_CHECK, LONG_SEEDS, true);
    }

    private static void javaSearch(RaftFlaw flaw, int seeds, boolean longRuns) {
        long first = 0;
        int caught = 0;
        Map<String, Integer> byInvariant = new LinkedHashMap<>();
        String detail = "";
        for (long seed = 1; seed <= seeds; seed++) {
            RaftRuns.Run run = longRuns ? longRun(seed, flaw.specName()) : shortRun(seed, flaw.specName());
            ReplayResult r = RaftRuns.javaCheck(run);
            // a safety invariant fails, or the replay of the spec's steps rejects the flawed step (no kind)
            if (r.conforms() || (r.failure().kind() != null && r.failure().kind() != Invariant.Kind.ALWAYS)) {
                continue;
            }
            caught++;
            byInvariant.merge(r.failure().invariant(), 1, Integer::sum);
            if (first == 0) {
                first = seed;
                detail = "\n    " + r.failure().message() + "\n    replay: " + run.replayCommand();
            }
        }
        System.out.println("raft flaw " + flaw.specName() + ": " + (first == 0 ? "not caught" : "first caught at seed "
            + first) + ", " + caught + "/" + seeds + " runs rejected by the Java invariants " + byInvariant + detail);
        assertNotEquals(0, first, flaw.specName() + " was not caught in " + seeds + " seeds");
    }

    @Test
    void commitOldTermIsRejectedByTlcAtTheWrongCommit(@TempDir Path tmp) {
        String flaw = RaftFlaw.COMMIT_OLD_TERM_BY_COUNTING.specName();
        int candidates = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RaftRuns.Run run = shortRun(seed, flaw);
            MemorySink sink = new MemorySink();
            run.simulate(sink);
            long at = firstOldTermCommit(sink.events());
            if (at == 0) {
                continue;
            }
            candidates++;
            TlcValidation v = RaftRuns.tlcCheck(RaftRuns.write(run, tmp.resolve("commit-old-term-" + seed + ".ndjson")));
            System.out.println("raft flaw " + flaw + ": seed " + seed + " (run " + seed + " of the search, TLC run "
                + candidates + ") commits an old-term entry at event " + at + "; TLC: " + v.outcome() + " at event "
                + (v.divergence() == null ? "-" : v.divergence().event()) + "\n    replay: " + run.replayCommand());
            assertEquals(TlcValidation.Outcome.DIVERGES, v.outcome(), v.message());
            assertEquals(at, v.divergence().event(), v.message());
            assertTrue(v.divergence().actions().stream().anyMatch(a -> a.action().equals("IsAdvanceCommitIndex")
                && a.conjunct() != null && a.conjunct().contains("AdvanceCommitIndex")), v.divergence().actions().toString());
            return;
        }
        throw new AssertionError(flaw + ": no run in " + SEEDS + " seeds committed an entry of an older term");
    }

    /**
     * 1-based index of the first AdvanceCommitIndex whose new commit index holds an entry of an
     * older term than the leader's (R7 forbids it), or 0.
     */
    @SuppressWarnings("unchecked")
    static long firstOldTermCommit(List<TraceEvent> events) {
        // an action records the log only when it changed it: keep each node's last one
        Map<Integer, List<Map<String, Object>>> lastLog = new java.util.HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e.kind() != EventKind.ACTION) {
                continue;
            }
            Map<String, Object> st = (Map<String, Object>) e.state();
            List<Map<String, Object>> log = st.containsKey("log")
                    ? (List<Map<String, Object>>) st.get("log") : lastLog.getOrDefault(e.node(), List.of());
            lastLog.put(e.node(), log);
            if (!"AdvanceCommitIndex".equals(e.action())) {
                continue;
            }
            long commit = ((Number) st.get("commitIndex")).longValue();
            long snap = ((Number) st.get("snapshotIndex")).longValue();
            if (commit > snap && commit - snap <= log.size()) {
                long term = ((Number) log.get((int) (commit - snap - 1)).get("term")).longValue();
                if (term < ((Number) st.get("currentTerm")).longValue()) {
                    return i + 1;
                }
            }
        }
        return 0;
    }
}
