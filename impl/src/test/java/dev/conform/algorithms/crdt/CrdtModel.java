package dev.conform.algorithms.crdt;

import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;

/**
 * How the law tests drive one CRDT: its bottom, an update chosen by a small integer (so the
 * shrinker can simplify it), and the merge and order under test.
 */
interface CrdtModel<T> {
    String name();

    T empty();

    T update(T state, int replica, int arg);

    T merge(T a, T b);

    boolean leq(T a, T b);

    static <T extends Crdt<T>> CrdtModel<T> of(String name, T empty, Updater<T> updater) {
        return with(name, empty, updater, Crdt::merge, Crdt::leq);
    }

    static <T> CrdtModel<T> with(String name, T empty, Updater<T> updater, BinaryOperator<T> merge,
                                 BiPredicate<T, T> leq) {
        return new CrdtModel<>() {
            public String name() {
                return name;
            }

            public T empty() {
                return empty;
            }

            public T update(T s, int replica, int arg) {
                return updater.update(s, replica, arg);
            }

            public T merge(T a, T b) {
                return merge.apply(a, b);
            }

            public boolean leq(T a, T b) {
                return leq.test(a, b);
            }
        };
    }

    @FunctionalInterface
    interface Updater<T> {
        T update(T state, int replica, int arg);
    }

    // Small argument ranges on purpose: equal timestamps and re-added elements must occur often.
    CrdtModel<GCounter> G_COUNTER = of("GCounter", GCounter.zero(),
        (s, r, a) -> s.increment(r, 1 + a % 3));
    CrdtModel<PNCounter> PN_COUNTER = of("PNCounter", PNCounter.zero(),
        (s, r, a) -> s.add(r, a % 2 == 0 ? 1 + (a / 2) % 3 : -(1 + (a / 2) % 3)));
    CrdtModel<LWWRegister> LWW_REGISTER = of("LWWRegister", LWWRegister.empty(),
        (s, r, a) -> s.assign(a % 5 == 4 ? null : "v" + (a / 8) % 3, new Timestamp(a % 4, (a / 4) % 2, r)));
    CrdtModel<LWWMap> LWW_MAP = of("LWWMap", LWWMap.empty(),
        (s, r, a) -> s.put("k" + a % 3, "v" + (a / 12) % 3, new Timestamp((a / 3) % 4, 0, r)));
    CrdtModel<ORSet> OR_SET = of("ORSet", ORSet.empty(),
        (s, r, a) -> a % 3 == 0 ? s.remove("e" + (a / 3) % 3) : s.add(r, "e" + (a / 3) % 3));
}
