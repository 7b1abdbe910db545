package dev.conform.tracing.io;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A small JSON object as the reader returns it inside {@code state} and {@code msg.body}: an
 * unmodifiable map over one array of alternating names and values, in field order. Trace objects
 * have a handful of fields, so a linear scan beats hashing, and one array per object replaces a
 * hash table with a node per field. Field names come from the parser's symbol table (interned),
 * so a lookup with a string literal usually matches by identity.
 */
final class ObjectFields extends AbstractMap<String, Object> {
    /** Objects with more fields than this are read into a LinkedHashMap instead. */
    static final int MAX_FIELDS = 16;
    static final ObjectFields EMPTY = new ObjectFields(new Object[0], 0);

    /** name0, value0, name1, value1, ... */
    private final Object[] kv;
    private final int n;

    /** Takes ownership of {@code kv}, whose first {@code n} slots hold names and values. */
    ObjectFields(Object[] kv, int n) {
        this.kv = kv;
        this.n = n;
    }

    @Override
    public int size() {
        return n >> 1;
    }

    @Override
    public boolean isEmpty() {
        return n == 0;
    }

    private int indexOf(Object key) {
        Object[] a = kv;
        for (int i = 0; i < n; i += 2) {
            if (a[i] == key) {
                return i;
            }
        }
        if (key instanceof String) {
            for (int i = 0; i < n; i += 2) {
                if (a[i].equals(key)) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : kv[i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return n >> 1;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < n;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (i >= n) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> e = new SimpleImmutableEntry<>((String) kv[i], kv[i + 1]);
                        i += 2;
                        return e;
                    }
                };
            }
        };
    }

    /** Copies {@code kv[0, n)} into a map that can grow past {@link #MAX_FIELDS}. */
    static Map<String, Object> toLinked(Object[] kv, int n) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
