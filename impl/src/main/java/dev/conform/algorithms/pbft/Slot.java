package dev.conform.algorithms.pbft;

import dev.conform.algorithms.pbft.PbftMessage.Commit;
import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replica holds for one sequence number, across views: the PrePrepare it accepted in each
 * view, and the Prepares and Commits it consumed (its own included), by view, digest and replica.
 * The counting rules (prepared, committed-local) live in {@link Quorums}.
 */
final class Slot {
    final TreeMap<Long, PrePrepare> prePrepares = new TreeMap<>();
    final TreeMap<Long, Map<String, TreeMap<Integer, Prepare>>> prepares = new TreeMap<>();
    final TreeMap<Long, Map<String, TreeMap<Integer, Commit>>> commits = new TreeMap<>();

    void add(PrePrepare p) {
        prePrepares.put(p.view(), p);
    }

    void add(Prepare p) {
        prepares.computeIfAbsent(p.view(), v -> new TreeMap<>()).computeIfAbsent(p.digest(), d -> new TreeMap<>())
                .putIfAbsent(p.replica(), p);
    }

    void add(Commit c) {
        commits.computeIfAbsent(c.view(), v -> new TreeMap<>()).computeIfAbsent(c.digest(), d -> new TreeMap<>())
                .putIfAbsent(c.replica(), c);
    }

    /** The Prepares for ({@code view}, {@code digest}) by replica. */
    Map<Integer, Prepare> prepares(long view, String digest) {
        return prepares.getOrDefault(view, Map.of()).getOrDefault(digest, new TreeMap<>());
    }

    Map<Integer, Commit> commits(long view, String digest) {
        return commits.getOrDefault(view, Map.of()).getOrDefault(digest, new TreeMap<>());
    }

    /** The accepted PrePrepare of the highest view, or null. */
    PrePrepare latest() {
        Map.Entry<Long, PrePrepare> e = prePrepares.lastEntry();
        return e == null ? null : e.getValue();
    }

    /** Every statement held, for the durable state. */
    List<PbftMessage> statements() {
        List<PbftMessage> out = new ArrayList<>(prePrepares.values());
        prepares.values().forEach(byDigest -> byDigest.values().forEach(m -> out.addAll(m.values())));
        commits.values().forEach(byDigest -> byDigest.values().forEach(m -> out.addAll(m.values())));
        return out;
    }
}
