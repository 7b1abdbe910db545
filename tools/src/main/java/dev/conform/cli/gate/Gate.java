package dev.conform.cli.gate;

import dev.conform.cli.ExitCodes;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs the gate's steps over every selected spec folder, in name order, one {@link GateCheck.Stage}
 * after the other (all model checks, then all chaos runs, ...). Checks run one after the other, except neighbouring checks that declare themselves {@link GateCheck#concurrent()},
 * which share a pool of {@code parallel} threads; outcomes keep the checks' order. Under a
 * {@link GateShard} it runs that shard's share: the seed-split checks the steps made for it, and
 * every N-th of the other checks.
 */
public final class Gate {
    private final List<GateStep> steps;
    private final int parallel;
    private final GateProgress progress;
    private final GateShard shard;

    public Gate(List<GateStep> steps) {
        this(steps, 1, GateProgress.none());
    }

    public Gate(List<GateStep> steps, int parallel, GateProgress progress) {
        this(steps, parallel, progress, GateShard.ALL);
    }

    /** @param shard the share of the checks to run; the steps must have been made for the same shard */
    public Gate(List<GateStep> steps, int parallel, GateProgress progress, GateShard shard) {
        this.steps = List.copyOf(steps);
        this.parallel = Math.max(1, parallel);
        this.progress = progress;
        this.shard = shard;
    }

    /** Runs all checks of every folder; {@code log} (may be null) gets one line per check as it starts. */
    public List<GateOutcome> run(Path specsDir, PrintWriter log) {
        return run(specsDir, f -> true, log);
    }

    /**
     * The checks of the folders {@code selected} accepts that this gate's shard runs, in the order
     * they run: stage by stage (stable: folders and steps keep their order within a stage).
     */
    public List<GateCheck> plan(Path specsDir, Predicate<Path> selected) {
        List<GateCheck> checks = new ArrayList<>();
        for (Path folder : folders(specsDir)) {
            if (!selected.test(folder)) {
                continue;
            }
            for (GateStep step : steps) {
                checks.addAll(step.checks(folder));
            }
        }
        checks.sort(java.util.Comparator.comparing(GateCheck::stage));
        List<GateCheck> mine = new ArrayList<>();
        int whole = 0;
        for (GateCheck c : checks) {
            if (c.splitBySeed() || shard.ownsWhole(whole++)) {
                mine.add(c);
            }
        }
        return mine;
    }

    /** Every unit of work of a plan ({@link GateCheck#work()}), in order. */
    public static List<String> work(List<GateCheck> plan) {
        List<String> out = new ArrayList<>();
        plan.forEach(c -> out.addAll(c.work()));
        return out;
    }

    /** Runs the checks of the folders {@code selected} accepts. */
    public List<GateOutcome> run(Path specsDir, Predicate<Path> selected, PrintWriter log) {
        return run(plan(specsDir, selected), log);
    }

    /** Runs the checks of a {@link #plan}. */
    public List<GateOutcome> run(List<GateCheck> checks, PrintWriter log) {
        List<GateOutcome> outcomes = new ArrayList<>();
        int i = 0;
        while (i < checks.size()) {
            int j = i + 1;
            if (checks.get(i).concurrent()) {
                while (j < checks.size() && checks.get(j).concurrent()) {
                    j++;
                }
            }
            outcomes.addAll(runGroup(checks.subList(i, j), outcomes.size(), checks.size(), log));
            i = j;
        }
        return outcomes;
    }

    private List<GateOutcome> runGroup(List<GateCheck> group, int doneBefore, int total, PrintWriter log) {
        if (group.size() == 1) {
            return List.of(runOne(group.get(0), doneBefore, total, log));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, group.size()));
        try {
            List<Future<GateOutcome>> futures = new ArrayList<>();
            int k = doneBefore;
            for (GateCheck c : group) {
                int n = k++;
                futures.add(pool.submit(() -> runOne(c, n, total, log)));
            }
            List<GateOutcome> out = new ArrayList<>();
            for (Future<GateOutcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private GateOutcome runOne(GateCheck c, int index, int total, PrintWriter log) {
        progress.show(String.format("  [%d/%d] %s/%s ...", index + 1, total, c.suite(), c.name()));
        if (log != null) {
            synchronized (log) {
                log.printf("gate: %s/%s ...%n", c.suite(), c.name());
                log.flush();
            }
        }
        return c.run();
    }

    private static List<Path> folders(Path specsDir) {
        try (Stream<Path> s = Files.list(specsDir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void printTable(PrintWriter out, List<GateOutcome> outcomes) {
        GateTable.print(out, outcomes);
    }

    public static void writeJUnit(Path dir, List<GateOutcome> outcomes) throws IOException {
        JUnitReport.write(dir, outcomes);
    }

    /**
     * 0 when all passed; 1 when any check found a violation (a bug in an algorithm is the finding
     * that matters, even when another check could not run: a buggy counter can overflow TLC's
     * integers); else the most serious other failure (tool failure 3 over bad input 2).
     */
    public static int exitCode(List<GateOutcome> outcomes) {
        int worst = 0;
        for (GateOutcome o : outcomes) {
            if (!o.passed()) {
                int code = Math.max(o.exitCode(), 1);
                if (code == ExitCodes.VIOLATION) {
                    return ExitCodes.VIOLATION;
                }
                worst = Math.max(worst, code);
            }
        }
        return worst;
    }
}
