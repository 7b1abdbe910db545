package dev.conform.tracing;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable, insertion-ordered map of named fields: the cheap way to build the {@code state}
 * of an action event. A {@code LinkedHashMap} per event (entries, boxing, iteration) was a large
 * part of tracing a simulation; this one keeps keys and values in arrays, integers unboxed, and
 * the NDJSON writer reads them without iterators. It is a {@code Map<String, Object>} for every
 * other reader: fields added with {@link Builder#put(String, long)} come back as {@link Long},
 * others as they were given; equality and {@code toString} are those of
 * any map with the same entries in the same order.
 *
 * <p>Build with {@link #builder(int)}; keys must be distinct (checked).
 */
public final class FieldMap extends AbstractMap<String, Object> {
    private final String[] keys;
    /** Marks, in {@link #values}, a field that is an integer held in {@link #longs}. */
    private static final Object LONG = new Object();

    private final Object[] values;
    private final long[] longs;
    private final int size;
    private Set<Entry<String, Object>> entries;

    private FieldMap(Builder b) {
        this.keys = b.keys;
        this.values = b.values;
        this.longs = b.longs;
        this.size = b.size;
    }

    public static Builder builder(int expectedSize) {
        return new Builder(Math.max(1, expectedSize));
    }

    @Override
    public int size() {
        return size;
    }

    /** The key of field {@code i} (insertion order). */
    public String keyAt(int i) {
        check(i);
        return keys[i];
    }

    /** Whether field {@code i} is an integer, read with {@link #longAt(int)} without boxing. */
    public boolean isLongAt(int i) {
        check(i);
        return values[i] == LONG;
    }

    public long longAt(int i) {
        check(i);
        if (values[i] != LONG) {
            throw new IllegalStateException("field " + keys[i] + " is not an integer");
        }
        return longs[i];
    }

    /** The value of field {@code i}, integers boxed. */
    public Object valueAt(int i) {
        check(i);
        return values[i] == LONG ? (Object) longs[i] : values[i];
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : valueAt(i);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> es = entries;
        if (es == null) {
            es = new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(keys[i], valueAt(i));
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
            entries = es;
        }
        return es;
    }

    /** Collects fields in order; {@link #build()} once. */
    public static final class Builder {
        private String[] keys;
        private Object[] values;
        private long[] longs;
        private int size;
        private boolean built;

        private Builder(int capacity) {
            keys = new String[capacity];
            values = new Object[capacity];
            longs = new long[capacity];
        }

        /** Adds an integer field, kept unboxed. */
        public Builder put(String key, long value) {
            int i = slot(key);
            longs[i] = value;
            values[i] = LONG;
            return this;
        }

        /** Adds a field holding {@code value} as it is (an {@link Integer} stays one). */
        public Builder put(String key, Object value) {
            int i = slot(key);
            values[i] = value;
            return this;
        }

        private int slot(String key) {
            if (built) {
                throw new IllegalStateException("builder already built");
            }
            if (key == null) {
                throw new IllegalArgumentException("null field name");
            }
            int h = key.hashCode(); // cached by String: most keys differ in it, sparing equals
            for (int i = 0; i < size; i++) {
                String k = keys[i];
                if (k == key || k.hashCode() == h && k.equals(key)) {
                    throw new IllegalArgumentException("field " + key + " given twice");
                }
            }
            if (size == keys.length) {
                int n = size * 2;
                keys = Arrays.copyOf(keys, n);
                values = Arrays.copyOf(values, n);
                longs = Arrays.copyOf(longs, n);
            }
            keys[size] = key;
            return size++;
        }

        public FieldMap build() {
            built = true;
            return new FieldMap(this);
        }
    }
}
