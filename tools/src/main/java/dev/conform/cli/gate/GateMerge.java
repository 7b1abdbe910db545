package dev.conform.cli.gate;

import dev.conform.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judges the shards of one gate ({@code gate --shard K/N --junit DIR} in N CI jobs) as one gate
 * from their {@link GateSummary summaries}: their outcomes together, each pairing's coverage
 * judged again over the runs of all shards, and the shards themselves checked: all N there, each
 * once, of the same gate, their work adding up to the whole. A violation in any shard fails the
 * merge (exit 1, which wins, as in the gate); else a shard missing or unreadable is exit 3,
 * shards of different gates or one given twice exit 2.
 *
 * @param outcomes the merged outcomes (shards in order, one coverage outcome per pairing)
 * @param exitCode the merged verdict's exit code
 * @param problems what is wrong with the set of shards (empty when nothing)
 * @param shards   the shards read
 */
public record GateMerge(List<GateOutcome> outcomes, int exitCode, List<String> problems, List<GateSummary> shards) {

    public static GateMerge of(List<Path> dirs) {
        List<String> problems = new ArrayList<>();
        int setExit = 0;
        TreeMap<Integer, GateSummary> byIndex = new TreeMap<>();
        GateSummary first = null;
        for (Path dir : dirs) {
            GateSummary s;
            try {
                s = GateSummary.read(dir);
            } catch (IOException e) {
                problems.add(e.getMessage());
                setExit = worse(setExit, ExitCodes.TOOL_FAILURE);
                continue;
            }
            if (first == null) {
                first = s;
            }
            if (s.shard().count() != first.shard().count() || !s.fingerprint().equals(first.fingerprint())) {
                problems.add(dir + ": shard " + s.shard() + " is not of the same gate as shard " + first.shard()
                        + " (other specs, budget, seeds, algorithms or flaw)");
                setExit = worse(setExit, ExitCodes.BAD_INPUT);
                continue;
            }
            if (byIndex.putIfAbsent(s.shard().index(), s) != null) {
                problems.add(dir + ": shard " + s.shard() + " given twice");
                setExit = worse(setExit, ExitCodes.BAD_INPUT);
            }
        }
        if (first == null) {
            problems.add("no gate summary could be read");
            return new GateMerge(List.of(), ExitCodes.TOOL_FAILURE, problems, List.of());
        }
        TreeSet<Integer> missing = new TreeSet<>();
        for (int k = 1; k <= first.shard().count(); k++) {
            if (!byIndex.containsKey(k)) {
                missing.add(k);
            }
        }
        for (int k : missing) {
            problems.add("shard " + k + "/" + first.shard().count() + " is missing: its share of the gate was not judged");
            setExit = worse(setExit, ExitCodes.TOOL_FAILURE);
        }
        int work = byIndex.values().stream().mapToInt(GateSummary::work).sum();
        if (missing.isEmpty() && work != first.totalWork()) {
            problems.add("the shards did " + work + " units of work, the gate has " + first.totalWork());
            setExit = worse(setExit, ExitCodes.TOOL_FAILURE);
        }
        List<GateOutcome> outcomes = new ArrayList<>();
        int shardsExit = 0;
        for (GateSummary s : byIndex.values()) {
            outcomes.addAll(s.outcomes());
            shardsExit = worse(shardsExit, s.exitCode());
        }
        outcomes = mergeCoverage(outcomes, !missing.isEmpty());
        int exit = worse(worse(Gate.exitCode(outcomes), shardsExit), setExit);
        return new GateMerge(outcomes, exit, problems, List.copyOf(byIndex.values()));
    }

    /** A violation (1) wins; otherwise the larger code (tool failure 3 over bad input 2). */
    static int worse(int a, int b) {
        if (a == ExitCodes.VIOLATION || b == ExitCodes.VIOLATION) {
            return ExitCodes.VIOLATION;
        }
        return Math.max(a, b);
    }

    /**
     * One coverage outcome per pairing, in place of the first shard's, judged over the sum of the
     * shards' counts ({@code partial} when a shard is missing: unreached is then not a finding).
     */
    private static List<GateOutcome> mergeCoverage(List<GateOutcome> outcomes, boolean partial) {
        Map<String, CoverageSummary> sums = new LinkedHashMap<>();
        Map<String, Duration> times = new LinkedHashMap<>();
        for (GateOutcome o : outcomes) {
            if (o.coverage() != null) {
                sums.merge(o.suite(), o.coverage(), GateMerge::add);
                times.merge(o.suite(), o.time(), Duration::plus);
            }
        }
        List<GateOutcome> out = new ArrayList<>();
        for (GateOutcome o : outcomes) {
            if (o.coverage() == null) {
                out.add(o);
            } else if (sums.containsKey(o.suite())) {
                out.add(CoverageCheck.judge(o.suite(), CoverageCheck.NAME, sums.remove(o.suite()),
                        times.get(o.suite()), partial));
            }
        }
        return out;
    }

    private static CoverageSummary add(CoverageSummary a, CoverageSummary b) {
        Map<String, Integer> reached = new LinkedHashMap<>(a.reached());
        b.reached().forEach((k, v) -> reached.merge(k, v, Integer::sum));
        Map<String, Long> actions = new TreeMap<>(a.actions());
        b.actions().forEach((k, v) -> actions.merge(k, v, Long::sum));
        return new CoverageSummary(a.runs() + b.runs(), reached, actions);
    }
}
