package dev.conform.checker.invariants.crdt;

import java.util.Map;

/**
 * A replica's state as TraceCrdt.tla's {@code rep[n]}: value, clock, updates seen per replica,
 * updates made; decoded from a recorded snapshot ({@code ReplicaSnapshot}: SnapOk, SnapOf).
 */
record Replica(CrdtValue val, Ts clock, Map<Integer, Long> seen, long updates) {

    /** A fresh replica n (InitRep): bottom value; HLC 0.0@n, or physical "no reading" 0.0@0. */
    static Replica initial(CrdtParams p, int n) {
        return new Replica(CrdtValue.bottom(p), p.hlc() ? new Ts(0, 0, n) : Ts.ZERO,
                CrdtValue.byReplica(p, Map.of(), "seen"), 0);
    }

    static Replica decode(CrdtParams p, Object state, String what) {
        Map<String, Object> s = Json.obj(state, what);
        return new Replica(CrdtValue.decode(p, s.get("crdt"), what + ".crdt"), Ts.of(s.get("clock"), what + ".clock"),
                CrdtValue.byReplica(p, s.get("seen"), what + ".seen"), Json.nat(s, "updates", what));
    }

    Replica withVal(CrdtValue v) {
        return new Replica(v, clock, seen, updates);
    }
}
