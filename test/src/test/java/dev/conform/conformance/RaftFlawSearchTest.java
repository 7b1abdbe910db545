package dev.conform.conformance;

import dev.conform.algorithms.raft.RaftFlaw;
import dev.conform.checker.invariants.ReplayResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every teaching flaw of the implementation is caught by the Java invariants within a bounded
 * seeded search: up to {@value #MAX_SEEDS} chaos runs with the flaw on. The figures (which seed
 * first failed, how many of the runs failed, with which invariant) are printed.
 */
class RaftFlawSearchTest {
    static final int MAX_SEEDS = 50;

    @Test
    void eachFlawIsCaughtWithinTheSeedBudget() {
        Map<RaftFlaw, String> report = new LinkedHashMap<>();
        List<String> missed = new ArrayList<>();
        for (RaftFlaw flaw : RaftFlaw.values()) {
            long first = 0;
            int caught = 0;
            Map<String, Integer> byInvariant = new LinkedHashMap<>();
            String firstMessage = null;
            String replay = null;
            for (long seed = 1; seed <= MAX_SEEDS; seed++) {
                RaftRuns.Run run = RaftRuns.chaos(seed, "high", 2_000).withFlaw(flaw.specName());
                ReplayResult r = RaftRuns.javaCheck(run);
                if (r.conforms() || r.failure().invariant() == null
                        || List.of("LeaderElected", "EntryCommitted").contains(r.failure().invariant())) {
                    continue;
                }
                caught++;
                byInvariant.merge(r.failure().invariant(), 1, Integer::sum);
                if (first == 0) {
                    first = seed;
                    firstMessage = r.failure().message();
                    replay = run.replayCommand();
                }
            }
            if (first == 0) {
                missed.add(flaw.specName());
            }
            report.put(flaw, first == 0 ? "not caught in " + MAX_SEEDS + " seeds"
                : "first caught at seed " + first + ", " + caught + "/" + MAX_SEEDS + " runs rejected " + byInvariant
                    + "\n    " + firstMessage + "\n    replay: " + replay);
        }
        report.forEach((f, s) -> System.out.println("raft flaw " + f.specName() + ": " + s));
        assertTrue(missed.isEmpty(), "flaws not caught: " + missed);
    }
}
