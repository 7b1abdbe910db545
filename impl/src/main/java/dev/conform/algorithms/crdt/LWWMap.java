package dev.conform.algorithms.crdt;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Map from keys to last-writer-wins registers, merged key by key. A delete is a write of null
 * (a tombstone), so it competes with puts by timestamp like any other write.
 *
 * @param entries one register per key ever written
 */
public record LWWMap(SortedMap<String, LWWRegister> entries) implements Crdt<LWWMap> {
    public LWWMap {
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries == null ? Map.of() : entries));
    }

    /** The map nobody has written. */
    public static LWWMap empty() {
        return new LWWMap(new TreeMap<>());
    }

    /** The register for {@code key} (the empty register if never written). */
    public LWWRegister register(String key) {
        return entries.getOrDefault(key, LWWRegister.empty());
    }

    /** This map after writing {@code value} (null deletes) at {@code key} stamped {@code at}. */
    public LWWMap put(String key, String value, Timestamp at) {
        TreeMap<String, LWWRegister> next = new TreeMap<>(entries);
        next.put(key, register(key).assign(value, at));
        return new LWWMap(next);
    }

    /** The visible key/value pairs (tombstones hidden). */
    public SortedMap<String, String> view() {
        TreeMap<String, String> out = new TreeMap<>();
        entries.forEach((k, r) -> {
            if (r.value() != null) {
                out.put(k, r.value());
            }
        });
        return out;
    }

    @Override
    public Object read() {
        return view();
    }

    @Override
    public LWWMap merge(LWWMap other) {
        TreeMap<String, LWWRegister> next = new TreeMap<>(entries);
        other.entries.forEach((k, r) -> next.merge(k, r, LWWRegister::merge));
        return new LWWMap(next);
    }

    @Override
    public boolean leq(LWWMap other) {
        for (Map.Entry<String, LWWRegister> e : entries.entrySet()) {
            if (!e.getValue().leq(other.register(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
