package dev.conform.algorithms.crdt;

import java.util.SplittableRandom;

/**
 * The seeded stream of client requests one replica applies. The stream depends only on the seed,
 * the replica id and how many requests came before, so a restarted replica picks up exactly where
 * the crashed one stopped and a run replays from its seed.
 */
public final class ClientWorkload {
    private final CrdtKind kind;
    private final int replica;
    private final int keys;
    private final long seed;

    public ClientWorkload(CrdtKind kind, int replica, int keys, long seed) {
        this.kind = kind;
        this.replica = replica;
        this.keys = keys;
        this.seed = seed;
    }

    /**
     * The {@code index}-th request (from 0); {@code present} says which elements the replica's
     * set currently holds, so removes pick something removable.
     */
    public ClientUpdate request(long index, java.util.Set<String> present) {
        SplittableRandom rnd = new SplittableRandom(mix(seed, replica, index));
        String key = "k" + rnd.nextInt(keys);
        String value = "v" + replica + "." + (index + 1);
        return switch (kind) {
            case G_COUNTER -> new ClientUpdate("Increment", null, null, 1 + rnd.nextInt(3));
            case PN_COUNTER -> rnd.nextInt(3) == 0
                ? new ClientUpdate("Decrement", null, null, -(1 + rnd.nextInt(3)))
                : new ClientUpdate("Increment", null, null, 1 + rnd.nextInt(3));
            case LWW_REGISTER -> new ClientUpdate("Assign", "register", value, 0);
            case LWW_MAP -> new ClientUpdate("Put", key, value, 0);
            case OR_SET -> {
                if (!present.isEmpty() && rnd.nextInt(3) == 0) {
                    String[] items = present.toArray(new String[0]);
                    java.util.Arrays.sort(items);
                    yield new ClientUpdate("Remove", items[rnd.nextInt(items.length)], null, 0);
                }
                yield new ClientUpdate("Add", "e" + rnd.nextInt(keys), null, 0);
            }
        };
    }

    private static long mix(long seed, int replica, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + replica * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }
}
