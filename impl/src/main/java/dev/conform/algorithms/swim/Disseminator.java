package dev.conform.algorithms.swim;

import dev.conform.algorithms.swim.SwimMessage.Update;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The dissemination queue: each update rides on the next outgoing messages, least-sent first
 * (newest first among equals), at most {@code piggyback} per message, until it has been sent
 * {@code retransmit} times. A newer update about a member replaces the queued one. Volatile.
 * The items are kept in that order (a tree), so a message costs O(piggyback log queue), not a
 * scan of a queue that holds up to one update per member under churn.
 */
final class Disseminator {
    /** Goes out first: sent fewer times, or as often and newer (stamps are unique, so the order is total). */
    private static final Comparator<Item> ORDER = (a, b) -> a.sent != b.sent ? Integer.compare(a.sent, b.sent)
            : Long.compare(b.stamp, a.stamp);

    private final int retransmit;
    private final int piggyback;
    /** Member to its queued update. */
    private final Map<Integer, Item> items = new HashMap<>();
    /** The same items in the order they go out. */
    private final TreeSet<Item> order = new TreeSet<>(ORDER);
    private final Item[] chosen;
    private long clock;

    Disseminator(int retransmit, int piggyback) {
        this.retransmit = retransmit;
        this.piggyback = piggyback;
        this.chosen = new Item[piggyback];
    }

    /** Queues {@code u} with a fresh budget, replacing any queued update about the same member. */
    void add(Update u) {
        Item it = new Item(u, ++clock);
        Item old = items.put(u.member(), it);
        if (old != null) {
            order.remove(old);
        }
        order.add(it);
    }

    /** Appends the updates for one message to {@code out}, counting each as sent once more. */
    void take(List<Update> out) {
        int k = 0;
        while (k < piggyback && !order.isEmpty()) {
            chosen[k++] = order.pollFirst();
        }
        for (int i = 0; i < k; i++) {
            Item it = chosen[i];
            chosen[i] = null;
            out.add(it.update);
            if (++it.sent >= retransmit) {
                items.remove(it.update.member());
            } else {
                order.add(it); // re-placed after all k are taken: one message carries an update once
            }
        }
    }

    int size() {
        return items.size();
    }

    private static final class Item {
        final Update update;
        final long stamp;
        int sent;

        Item(Update update, long stamp) {
            this.update = update;
            this.stamp = stamp;
        }
    }
}
