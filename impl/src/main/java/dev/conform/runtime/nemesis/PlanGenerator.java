package dev.conform.runtime.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws random fault plans for chaos runs. Same seed, servers, horizon and intensity give the
 * same plan. Every crash is followed by a restart of the same node before the horizon ends, and
 * every partition by a heal, so a plan degrades a run without ending it for good.
 *
 * <p>Half of the link faults also make the link slow, with delays up to an eighth of the horizon
 * (longer than an election timeout in the bundled Raft workload): messages of an older term then
 * arrive after a leader change, where stale-response and stale-append bugs show. The slow-link
 * draws come from their own stream, so the other events of a plan are those of a plan without them.
 *
 * <p>For an algorithm that tolerates Byzantine servers, a plan may also make up to f of them
 * Byzantine (at time 0 or mid-run, each with a random non-empty set of behaviours), mixed with the
 * crashes and partitions of the plan without them; those draws too have a stream of their own.
 */
public final class PlanGenerator {
    private PlanGenerator() {
    }

    public static FaultPlan generate(long seed, List<Integer> servers, long horizon, Intensity knobs) {
        return generate(seed, servers, horizon, knobs, DiskLoss.NONE);
    }

    /**
     * As {@link #generate(long, List, long, Intensity)}, plus disk losses: each time a node of
     * {@code diskLoss} is down (from a crash to the restart that ends it), a coin decides whether
     * its disk is wiped at a random moment of that gap, until the plan holds
     * {@code diskLoss.maxWipes()} wipes. The wipe draws come from a stream of their own, so the
     * other events are exactly those of the plan without disk loss, and with {@link DiskLoss#NONE}
     * the plan is that plan.
     */
    public static FaultPlan generate(long seed, List<Integer> servers, long horizon, Intensity knobs,
                                     DiskLoss diskLoss) {
        FaultPlan base = draw(seed, servers, horizon, knobs);
        return diskLoss.none() ? base : withWipes(base, new SplittableRandom(seed ^ WIPE_STREAM), diskLoss);
    }

    /**
     * As {@link #generate(long, List, long, Intensity, DiskLoss)}, plus Byzantine servers: with
     * {@link ByzantineFaults#NONE} exactly that plan.
     */
    public static FaultPlan generate(long seed, List<Integer> servers, long horizon, Intensity knobs,
                                     DiskLoss diskLoss, ByzantineFaults byzantine) {
        FaultPlan plan = generate(seed, servers, horizon, knobs, diskLoss);
        return byzantine.none() || servers.isEmpty() ? plan
                : withByzantine(plan, new SplittableRandom(seed ^ BYZANTINE_STREAM), servers, horizon, byzantine);
    }

    /** The plan a chaos run of {@code algorithm} uses: its disk losses and Byzantine servers included. */
    public static FaultPlan generate(long seed, List<Integer> servers, long horizon, Intensity knobs,
                                     dev.conform.runtime.Algorithm<?> algorithm, dev.conform.runtime.Options options) {
        return generate(seed, servers, horizon, knobs, algorithm.diskLoss(servers, options),
                ByzantineFaults.of(algorithm, servers, options));
    }

    /** Mixed into the seed for the Byzantine stream (unlike the other streams' constants). */
    private static final long BYZANTINE_STREAM = 0x5DEECE66DL * 0x2545F4914F6CDD1DL;

    /**
     * Adds 0..max Byzantine events for distinct servers, each at 0 or at a random moment before
     * the horizon, with a non-empty subset of the behaviours chosen uniformly.
     */
    private static FaultPlan withByzantine(FaultPlan base, SplittableRandom r, List<Integer> servers, long horizon,
                                           ByzantineFaults byzantine) {
        List<FaultEvent> out = new ArrayList<>(base.events());
        List<Integer> candidates = new ArrayList<>(servers);
        int count = r.nextInt(Math.min(byzantine.max(), servers.size()) + 1);
        List<String> all = byzantine.behaviours();
        for (int i = 0; i < count; i++) {
            int node = candidates.remove(r.nextInt(candidates.size()));
            long at = horizon < 2 || r.nextBoolean() ? 0 : r.nextLong(1, horizon);
            // a uniform non-empty subset: a mask in 1 .. 2^k - 1 (k behaviours, at most 62)
            long mask = 1 + r.nextLong((1L << Math.min(all.size(), 62)) - 1);
            List<String> chosen = new ArrayList<>();
            for (int b = 0; b < all.size() && b < 62; b++) {
                if ((mask & (1L << b)) != 0) {
                    chosen.add(all.get(b));
                }
            }
            out.add(new FaultEvent.Byzantine(at, node, chosen));
        }
        return new FaultPlan(out);
    }

    /** Mixed into the seed for the wipe stream (any constant unlike the slow-link stream's {@code ~seed}). */
    private static final long WIPE_STREAM = 0x9E3779B97F4A7C15L;

    private static FaultPlan withWipes(FaultPlan base, SplittableRandom r, DiskLoss diskLoss) {
        List<FaultEvent> out = new ArrayList<>(base.events());
        java.util.Map<Integer, Long> downSince = new java.util.HashMap<>();
        int wipes = 0;
        // Replays the plan's crashes and restarts as the simulator applies them (a crash of a node
        // already down and a restart of a node already up change nothing), so each gap is real.
        for (FaultEvent e : base.events()) {
            if (e instanceof FaultEvent.Crash c) {
                downSince.putIfAbsent(c.node(), c.at());
            } else if (e instanceof FaultEvent.Restart rs) {
                Long since = downSince.remove(rs.node());
                if (since != null && rs.at() > since && diskLoss.nodes().contains(rs.node())
                        && wipes < diskLoss.maxWipes() && r.nextBoolean()) {
                    out.add(new FaultEvent.Wipe(since + r.nextLong(rs.at() - since), rs.node()));
                    wipes++;
                }
            }
        }
        return new FaultPlan(out);
    }

    private static FaultPlan draw(long seed, List<Integer> servers, long horizon, Intensity knobs) {
        if (servers.isEmpty() || horizon < 2) {
            return FaultPlan.none();
        }
        SplittableRandom r = new SplittableRandom(seed);
        SplittableRandom slow = new SplittableRandom(~seed);
        List<FaultEvent> out = new ArrayList<>();
        double total = knobs.partitionWeight() + knobs.crashWeight() + knobs.linkWeight() + knobs.skewWeight();
        if (total <= 0) {
            return FaultPlan.none();
        }
        for (int i = 0; i < knobs.events(); i++) {
            long at = r.nextLong(1, horizon);
            long end = Math.min(horizon, at + 1 + r.nextLong(Math.max(1, horizon / 4)));
            double pick = r.nextDouble() * total;
            if ((pick -= knobs.partitionWeight()) < 0) {
                out.add(partition(r, at, servers));
                out.add(new FaultEvent.Heal(end));
            } else if ((pick -= knobs.crashWeight()) < 0) {
                int n = servers.get(r.nextInt(servers.size()));
                out.add(new FaultEvent.Crash(at, n));
                out.add(new FaultEvent.Restart(end, n));
            } else if ((pick -= knobs.linkWeight()) < 0) {
                int from = r.nextInt(servers.size() + 1);
                int to = r.nextInt(servers.size() + 1);
                int max = knobs.maxRatePercent() + 1;
                long delayMax = slow.nextBoolean() ? 1 + slow.nextLong(Math.max(1, horizon / 8)) : 0;
                out.add(new FaultEvent.LinkFault(at, from == 0 ? 0 : servers.get(from - 1),
                        to == 0 ? 0 : servers.get(to - 1), r.nextInt(max), r.nextInt(max) / 2, r.nextInt(max),
                        delayMax == 0 ? 0 : 1, delayMax));
                out.add(new FaultEvent.LinkFault(end, 0, 0, 0, 0, 0, 0, 0));
            } else {
                int n = servers.get(r.nextInt(servers.size()));
                out.add(new FaultEvent.Skew(at, n, 50 + r.nextInt(151), r.nextLong(0, 100)));
                out.add(new FaultEvent.Skew(end, n, 100, 0));
            }
        }
        return new FaultPlan(out);
    }

    private static FaultEvent partition(SplittableRandom r, long at, List<Integer> servers) {
        int n = servers.size();
        switch (r.nextInt(5)) {
            case 0:
                return FaultPlans.halves(at, servers);
            case 1:
                return new FaultEvent.Isolate(at, servers.get(r.nextInt(n)));
            case 2:
                if (n >= 3) {
                    int b = r.nextInt(n);
                    List<Integer> rest = new ArrayList<>(servers);
                    rest.remove(b);
                    int cut = rest.size() / 2;
                    List<Integer> left = rest.subList(0, cut);
                    List<Integer> right = rest.subList(cut, rest.size());
                    return new FaultEvent.Bridge(at, left, right, servers.get(b));
                }
                return new FaultEvent.Isolate(at, servers.get(r.nextInt(n)));
            case 3:
                return new FaultEvent.Ring(at);
            default:
                List<List<Integer>> groups = new ArrayList<>();
                int k = 2 + r.nextInt(Math.max(1, Math.min(3, n - 1)));
                for (int g = 0; g < k; g++) {
                    groups.add(new ArrayList<>());
                }
                for (int s : servers) {
                    groups.get(r.nextInt(k)).add(s);
                }
                groups.removeIf(List::isEmpty);
                return new FaultEvent.Partition(at, groups);
        }
    }
}
