package dev.conform.runtime.shrink;

import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Minimises a failing scenario: delta debugging (ddmin) over the fault plan's events, then the
 * shortest step budget that still fails, then ddmin once more (a shorter run may need fewer
 * faults), and last the behaviours of each Byzantine event, one at a time (a Byzantine server is
 * an event like any other for ddmin; its behaviours are the parts inside it). Every candidate is
 * judged by running it, so the result fails for real and is 1-minimal in its fault events and in
 * each Byzantine event's behaviours: dropping any single remaining one makes the failure go away.
 */
public final class Shrinker {
    private final Predicate<Scenario> fails;
    private int runs;

    /** {@code fails} runs a scenario and says whether the failure shows (it must be deterministic). */
    public Shrinker(Predicate<Scenario> fails) {
        this.fails = fails;
    }

    public ShrinkResult shrink(Scenario failing) {
        if (!test(failing)) {
            throw new IllegalArgumentException("the scenario to shrink does not fail");
        }
        Scenario s = failing.withPlan(new FaultPlan(ddmin(failing, failing.plan().events())));
        s = shortenSteps(s);
        s = s.withPlan(new FaultPlan(ddmin(s, s.plan().events())));
        s = fewerBehaviours(s);
        return new ShrinkResult(failing, s, runs);
    }

    private boolean test(Scenario s) {
        runs++;
        return fails.test(s);
    }

    private boolean failsWith(Scenario base, List<FaultEvent> events) {
        return test(base.withPlan(new FaultPlan(events)));
    }

    /** Drops single behaviours of each Byzantine event while the failure still shows (one stays). */
    private Scenario fewerBehaviours(Scenario s) {
        List<FaultEvent> events = new ArrayList<>(s.plan().events());
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof FaultEvent.Byzantine b)) {
                continue;
            }
            List<String> kept = new ArrayList<>(b.behaviours());
            int j = 0;
            while (j < kept.size() && kept.size() > 1) {
                List<String> fewer = new ArrayList<>(kept);
                fewer.remove(j);
                events.set(i, new FaultEvent.Byzantine(b.at(), b.node(), fewer));
                if (failsWith(s, events)) {
                    kept = fewer;
                } else {
                    j++;
                }
            }
            events.set(i, new FaultEvent.Byzantine(b.at(), b.node(), kept));
        }
        return s.withPlan(new FaultPlan(events));
    }

    /** Zeller's ddmin: the smallest sublist found that still fails (1-minimal). */
    private List<FaultEvent> ddmin(Scenario base, List<FaultEvent> events) {
        List<FaultEvent> current = new ArrayList<>(events);
        if (current.isEmpty() || failsWith(base, List.of())) {
            return List.of();
        }
        int n = 2;
        while (current.size() >= 2) {
            List<List<FaultEvent>> chunks = split(current, n);
            boolean reduced = false;
            for (List<FaultEvent> chunk : chunks) {
                if (failsWith(base, chunk)) {
                    current = new ArrayList<>(chunk);
                    n = 2;
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                for (int i = 0; i < chunks.size() && !reduced; i++) {
                    List<FaultEvent> complement = new ArrayList<>();
                    for (int j = 0; j < chunks.size(); j++) {
                        if (j != i) {
                            complement.addAll(chunks.get(j));
                        }
                    }
                    if (failsWith(base, complement)) {
                        current = complement;
                        n = Math.max(n - 1, 2);
                        reduced = true;
                    }
                }
            }
            if (!reduced) {
                if (n >= current.size()) {
                    break;
                }
                n = Math.min(current.size(), 2 * n);
            }
        }
        return current;
    }

    private static List<List<FaultEvent>> split(List<FaultEvent> list, int n) {
        List<List<FaultEvent>> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (list.size() - start) / (n - i);
            if (end > start) {
                out.add(new ArrayList<>(list.subList(start, end)));
            }
            start = end;
        }
        return out;
    }

    /** Binary search for the least step budget that still fails (failure is checked at the end). */
    private Scenario shortenSteps(Scenario s) {
        long hi = s.config().maxSteps();
        long lo = 0;
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (test(s.withMaxSteps(mid))) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return s.withMaxSteps(hi);
    }
}
