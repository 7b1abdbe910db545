package dev.conform.algorithms.swim;

import dev.conform.algorithms.swim.SwimMessage.Update;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dissemination queue: each update rides on the next outgoing messages, least-sent first
 * (newest first among equals), at most {@code piggyback} per message, until it has been sent
 * {@code retransmit} times. A newer update about a member replaces the queued one. Volatile.
 */
final class Disseminator {
    private final int retransmit;
    private final int piggyback;
    /** Member to its queued update; insertion order is irrelevant, selection reads sent and stamp. */
    private final Map<Integer, Item> items = new HashMap<>();
    private long clock;

    Disseminator(int retransmit, int piggyback) {
        this.retransmit = retransmit;
        this.piggyback = piggyback;
    }

    /** Queues {@code u} with a fresh budget, replacing any queued update about the same member. */
    void add(Update u) {
        items.put(u.member(), new Item(u, ++clock));
    }

    /** Appends the updates for one message to {@code out}, counting each as sent once more. */
    void take(List<Update> out) {
        List<Item> chosen = new ArrayList<>(Math.min(piggyback, items.size()));
        for (Item it : items.values()) {
            if (chosen.size() < piggyback) {
                chosen.add(it);
            } else {
                int worst = 0;
                for (int j = 1; j < chosen.size(); j++) {
                    if (before(chosen.get(worst), chosen.get(j))) {
                        worst = j;
                    }
                }
                if (before(it, chosen.get(worst))) {
                    chosen.set(worst, it);
                }
            }
        }
        chosen.sort((a, b) -> before(a, b) ? -1 : before(b, a) ? 1 : 0);
        for (Item it : chosen) {
            out.add(it.update);
            if (++it.sent >= retransmit) {
                items.remove(it.update.member());
            }
        }
    }

    int size() {
        return items.size();
    }

    /** True when {@code a} goes out before {@code b}: sent fewer times, or as often and newer. */
    private static boolean before(Item a, Item b) {
        return a.sent != b.sent ? a.sent < b.sent : a.stamp > b.stamp;
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
