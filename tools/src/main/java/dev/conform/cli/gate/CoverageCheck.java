package dev.conform.cli.gate;

import dev.conform.checker.invariants.Coverage;
import dev.conform.cli.ExitCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Coverage over all chaos runs of a pairing (every variant): how many runs reached each
 * reachability property of the Java invariants ("sometimes": a leader was elected, a value was
 * committed) and how often each spec action was taken. One run reaching little is a statement
 * about that run's budget and never fails it; a whole batch in which a property never held did
 * not exercise what it claims to test, and fails the gate (exit 1). Its summary is printed as its
 * own line under the gate's table.
 */
final class CoverageCheck implements GateCheck {
    static final String NAME = "coverage of all runs";

    private final List<ChaosBatch> batches;
    private final String suite;
    private final GateShard shard;

    CoverageCheck(String suite, List<ChaosBatch> batches, GateShard shard) {
        this.suite = suite;
        this.batches = List.copyOf(batches);
        this.shard = shard;
    }

    @Override
    public String suite() {
        return suite;
    }

    @Override
    public String name() {
        return NAME + shard.suffix();
    }

    @Override
    public boolean splitBySeed() {
        return true;
    }

    @Override
    public Stage stage() {
        return Stage.COVERAGE;
    }

    @Override
    public List<String> work() {
        return List.of(); // a summary of the chaos checks' runs, judged again over all shards by gate-merge
    }

    @Override
    public GateOutcome run() {
        long start = System.nanoTime();
        Map<String, Integer> reached = new LinkedHashMap<>();
        Map<String, Long> actions = new TreeMap<>();
        int replayed = 0;
        for (ChaosBatch b : batches) {
            for (RunCheck r : b.results()) {
                if (r.kind() != RunCheck.Kind.PASSED && r.kind() != RunCheck.Kind.VIOLATED) {
                    continue; // not replayed to its end: it tells nothing about coverage
                }
                replayed++;
                Coverage c = r.coverage();
                c.reached().forEach((k, v) -> reached.merge(k, v ? 1 : 0, Integer::sum));
                c.actions().forEach((k, v) -> actions.merge(k, v, Long::sum));
            }
        }
        return judge(suite, NAME + shard.suffix(), new CoverageSummary(replayed, reached, actions),
                Duration.ofNanos(System.nanoTime() - start), !shard.isAll());
    }

    /**
     * The verdict on what a pairing's runs reached (here, or over all shards in gate-merge): a
     * property no run reached fails, except in one shard of several ({@code partial}), whose share
     * of the runs may miss what another shard's reach; gate-merge judges their sum.
     */
    static GateOutcome judge(String suite, String name, CoverageSummary counted, Duration time, boolean partial) {
        int replayed = counted.runs();
        if (replayed == 0) {
            // Only when every run crashed or failed to run, which its chaos check reports with its own
            // exit code; coverage adds no verdict of its own but cannot pass either.
            return new GateOutcome(suite, null, name, false, "NOT JUDGED", ExitCodes.VIOLATION, null, null, time,
                    "no chaos run was replayed to its end (see the chaos checks)", 0, 0, 0, List.of());
        }
        List<String> never = new ArrayList<>();
        counted.reached().forEach((k, v) -> {
            if (v == 0) {
                never.add(k);
            }
        });
        String summary = summary(counted.reached(), counted.actions(), replayed);
        if (never.isEmpty()) {
            return new GateOutcome(suite, null, name, true, "REACHED", 0, null, null, time, summary, 0, 0, 0,
                    List.of(), List.of(), counted);
        }
        String unreached = String.join(", ", never) + " never held in " + replayed + " runs; " + summary;
        if (partial) {
            return new GateOutcome(suite, null, name, true, "PARTIAL (judged over all shards)", 0, null, null, time,
                    unreached, 0, 0, 0, List.of(), List.of(), counted);
        }
        return new GateOutcome(suite, null, name, false, "UNREACHED (" + String.join(", ", never) + ")",
                ExitCodes.VIOLATION, null, null, time, unreached, 0, 0, 0, List.of(), List.of(), counted);
    }

    private static String summary(Map<String, Integer> reached, Map<String, Long> actions, int runs) {
        StringBuilder b = new StringBuilder();
        if (reached.isEmpty()) {
            b.append("no reachability properties");
        }
        reached.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v).append('/')
                .append(runs).append(" runs"));
        b.append("; actions:");
        if (actions.isEmpty()) {
            b.append(" none");
        }
        actions.forEach((k, v) -> b.append(' ').append(k).append(' ').append(String.format(Locale.ROOT, "%,d", v)));
        return b.toString();
    }
}
