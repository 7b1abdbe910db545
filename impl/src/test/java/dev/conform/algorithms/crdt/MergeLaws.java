package dev.conform.algorithms.crdt;

import java.util.List;
import java.util.Objects;

/** The join-semilattice laws, checked on three states of one execution. */
enum MergeLaws {
    COMMUTATIVE {
        <T> boolean holds(CrdtModel<T> m, T a, T b, T c) {
            return Objects.equals(m.merge(a, b), m.merge(b, a));
        }
    },
    ASSOCIATIVE {
        <T> boolean holds(CrdtModel<T> m, T a, T b, T c) {
            return Objects.equals(m.merge(m.merge(a, b), c), m.merge(a, m.merge(b, c)));
        }
    },
    IDEMPOTENT {
        <T> boolean holds(CrdtModel<T> m, T a, T b, T c) {
            return Objects.equals(m.merge(a, a), a);
        }
    },
    UPPER_BOUND {
        <T> boolean holds(CrdtModel<T> m, T a, T b, T c) {
            T j = m.merge(a, b);
            return m.leq(a, j) && m.leq(b, j);
        }
    },
    LEAST_UPPER_BOUND {
        <T> boolean holds(CrdtModel<T> m, T a, T b, T c) {
            return !(m.leq(a, c) && m.leq(b, c)) || m.leq(m.merge(a, b), c);
        }
    },
    ORDER_MATCHES_MERGE {
        <T> boolean holds(CrdtModel<T> m, T a, T b, T c) {
            return m.leq(a, b) == Objects.equals(m.merge(a, b), b);
        }
    },
    UPDATES_INFLATE {
        <T> boolean holds(CrdtModel<T> m, T a, T b, T c) {
            for (int arg = 0; arg < 12; arg++) {
                if (!m.leq(a, m.update(a, 1, arg))) {
                    return false;
                }
            }
            return true;
        }
    };

    abstract <T> boolean holds(CrdtModel<T> m, T a, T b, T c);

    /** The law on the three replica states a history leaves behind. */
    <T> boolean holdsAfter(CrdtModel<T> m, History h) {
        List<T> s = h.replay(m);
        return holds(m, s.get(0), s.get(1), s.get(2));
    }
}
