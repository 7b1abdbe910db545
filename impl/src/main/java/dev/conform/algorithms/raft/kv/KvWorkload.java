package dev.conform.algorithms.raft.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded client workloads: the same seed gives the same commands, so a run replays exactly.
 * The mix is 40% put, 40% get, 20% compare-and-set over a few keys, so commands collide; with
 * appends, half the puts are appends instead (an append applied twice shows in every later read,
 * where a second put of the same value is mostly invisible).
 */
public final class KvWorkload {
    private KvWorkload() {
    }

    /**
     * {@code count} commands over keys {@code k0..k(keys-1)}; values are unique per client
     * ({@code c<clientId>v<n>}) so a history shows which write a read saw.
     */
    public static List<KvCommand> generate(long seed, int clientId, int count, int keys) {
        return generate(seed, clientId, count, keys, false);
    }

    /**
     * As {@link #generate(long, int, int, int)}, with half the puts turned into appends when
     * {@code appends} is set (without it the same commands as before: the choice draws no random
     * number then).
     */
    public static List<KvCommand> generate(long seed, int clientId, int count, int keys, boolean appends) {
        if (count < 0 || keys < 1) {
            throw new IllegalArgumentException("count >= 0 and keys >= 1 required");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<KvCommand> ops = new ArrayList<>(count);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "k" + rnd.nextInt(keys);
            String fresh = "c" + clientId + "v" + i;
            int dice = rnd.nextInt(10);
            if (dice < 4) {
                if (appends && rnd.nextBoolean()) {
                    ops.add(KvCommand.append(key, fresh));
                } else {
                    ops.add(KvCommand.put(key, fresh));
                    written.add(fresh);
                }
            } else if (dice < 8) {
                ops.add(KvCommand.get(key));
            } else {
                String expected = written.isEmpty() || rnd.nextBoolean()
                        ? null : written.get(rnd.nextInt(written.size()));
                ops.add(KvCommand.cas(key, expected, fresh));
                written.add(fresh);
            }
        }
        return List.copyOf(ops);
    }

    /**
     * {@code count} commands of half puts, half gets over keys {@code k0..k(keys-1)}, values as
     * {@link #generate(long, int, int, int)}'s: the workload of a store that offers only put and
     * get (the erasure-coded store). A generator of its own, so the mixed workloads are unchanged.
     */
    public static List<KvCommand> putsAndGets(long seed, int clientId, int count, int keys) {
        if (count < 0 || keys < 1) {
            throw new IllegalArgumentException("count >= 0 and keys >= 1 required");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<KvCommand> ops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = "k" + rnd.nextInt(keys);
            ops.add(rnd.nextBoolean() ? KvCommand.put(key, "c" + clientId + "v" + i) : KvCommand.get(key));
        }
        return List.copyOf(ops);
    }
}
