package dev.conform.algorithms.crdt;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Observed-remove set with add-wins semantics, in the compact "dots plus causal context" form.
 *
 * <p>Every add is tagged with a fresh {@link Dot}. {@code entries} maps each present element to
 * the dots of its live adds; {@code context} is a version vector summarising every dot this
 * replica has ever seen (added or since removed). A remove drops the element's dots from
 * {@code entries} but their ids stay in the context, which is how merge tells "removed here"
 * from "not yet heard of here". A concurrent add carries a dot the remover never saw, so it
 * survives the merge: adds win.
 *
 * <p>Well-formed values (the only ones replicas make) keep every dot inside the context, and the
 * context contiguous per replica; merge and {@link #leq} rely on that.
 *
 * @param entries present elements and the dots of their live adds
 * @param context per replica, the highest add counter seen (all lower ones seen too)
 */
public record ORSet(SortedMap<String, SortedSet<Dot>> entries, SortedMap<Integer, Long> context)
    implements Crdt<ORSet> {

    public ORSet {
        TreeMap<String, SortedSet<Dot>> e = new TreeMap<>();
        if (entries != null) {
            entries.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    e.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v)));
                }
            });
        }
        TreeMap<Integer, Long> c = new TreeMap<>();
        if (context != null) {
            context.forEach((k, v) -> {
                if (v > 0) {
                    c.put(k, v);
                }
            });
        }
        entries = Collections.unmodifiableSortedMap(e);
        context = Collections.unmodifiableSortedMap(c);
    }

    /** The set nobody has touched. */
    public static ORSet empty() {
        return new ORSet(new TreeMap<>(), new TreeMap<>());
    }

    /** This set after replica {@code replica} adds {@code element} (replacing the dots it saw). */
    public ORSet add(int replica, String element) {
        long counter = context.getOrDefault(replica, 0L) + 1;
        TreeMap<String, SortedSet<Dot>> e = new TreeMap<>(entries);
        TreeSet<Dot> dots = new TreeSet<>();
        dots.add(new Dot(replica, counter));
        e.put(element, dots);
        TreeMap<Integer, Long> c = new TreeMap<>(context);
        c.put(replica, counter);
        return new ORSet(e, c);
    }

    /** This set after removing {@code element}: only the adds seen here are cancelled. */
    public ORSet remove(String element) {
        TreeMap<String, SortedSet<Dot>> e = new TreeMap<>(entries);
        e.remove(element);
        return new ORSet(e, context);
    }

    /** True when {@code element} is present. */
    public boolean contains(String element) {
        return entries.containsKey(element);
    }

    /** The present elements. */
    public SortedSet<String> elements() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(entries.keySet()));
    }

    @Override
    public Object read() {
        return elements();
    }

    private static boolean covers(Map<Integer, Long> ctx, Dot d) {
        return d.counter() <= ctx.getOrDefault(d.node(), 0L);
    }

    @Override
    public ORSet merge(ORSet other) {
        TreeSet<String> keys = new TreeSet<>(entries.keySet());
        keys.addAll(other.entries.keySet());
        TreeMap<String, SortedSet<Dot>> e = new TreeMap<>();
        for (String k : keys) {
            SortedSet<Dot> mine = entries.getOrDefault(k, Collections.emptySortedSet());
            SortedSet<Dot> theirs = other.entries.getOrDefault(k, Collections.emptySortedSet());
            TreeSet<Dot> kept = new TreeSet<>();
            for (Dot d : mine) {
                // kept if both have it, or the other side has never heard of it
                if (theirs.contains(d) || !covers(other.context, d)) {
                    kept.add(d);
                }
            }
            for (Dot d : theirs) {
                if (mine.contains(d) || !covers(context, d)) {
                    kept.add(d);
                }
            }
            if (!kept.isEmpty()) {
                e.put(k, kept);
            }
        }
        TreeMap<Integer, Long> c = new TreeMap<>(context);
        other.context.forEach((k, v) -> c.merge(k, v, Math::max));
        return new ORSet(e, c);
    }

    @Override
    public boolean leq(ORSet other) {
        for (Map.Entry<Integer, Long> c : context.entrySet()) {
            if (c.getValue() > other.context.getOrDefault(c.getKey(), 0L)) {
                return false;
            }
        }
        // every add the other side still holds and this side has seen must still be live here
        for (Map.Entry<String, SortedSet<Dot>> e : other.entries.entrySet()) {
            SortedSet<Dot> mine = entries.getOrDefault(e.getKey(), Collections.emptySortedSet());
            for (Dot d : e.getValue()) {
                if (covers(context, d) && !mine.contains(d)) {
                    return false;
                }
            }
        }
        return true;
    }
}
