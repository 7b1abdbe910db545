package dev.conform.checker.tla;

import dev.conform.checker.invariants.raft.KvReplica;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * Java body of {@code KvFoldOf} of specs/raft/TraceRaft.tla: the store folded over entries
 * a+1..b of a log (compacted part, live part), computed in a loop with {@link KvReplica} (the
 * store of KvStore.tla's KvApply) instead of TLC's recursion, whose depth grows with the log.
 * Stores are TLA+ records {@code [data |-> [key |-> val], sess |-> [client |-> [seq, res]]]}.
 */
final class KvFoldBody {
    private static final UniqueString DATA = UniqueString.uniqueStringOf("data");
    private static final UniqueString SESS = UniqueString.uniqueStringOf("sess");
    private static final UniqueString SEQ = UniqueString.uniqueStringOf("seq");
    private static final UniqueString RES = UniqueString.uniqueStringOf("res");
    private static final UniqueString VALUE = UniqueString.uniqueStringOf("value");

    private KvFoldBody() {
    }

    static Value fold(Value st, Value snap, Value lg, Value a, Value b) {
        Value[] s = elements(snap);
        Value[] l = elements(lg);
        int from = ((IntValue) a).val;
        int to = ((IntValue) b).val;
        KvReplica kv = toReplica(st);
        for (int k = from + 1; k <= to; k++) {
            Value e = k <= s.length ? s[k - 1] : l[k - 1 - s.length];
            kv.apply(string(field(e, VALUE)));
        }
        return toValue(kv);
    }

    private static KvReplica toReplica(Value st) {
        Map<String, String> data = new HashMap<>();
        FcnRcdValue d = fcn(field(st, DATA));
        Value[] dk = d.getDomainAsValues(); // also when TLC built it over an interval (a printed <<>> read back)
        for (int i = 0; i < dk.length; i++) {
            data.put(string(dk[i]), string(d.values[i]));
        }
        Map<Integer, KvReplica.Session> sess = new HashMap<>();
        FcnRcdValue ss = fcn(field(st, SESS));
        Value[] sk = ss.getDomainAsValues();
        for (int i = 0; i < sk.length; i++) {
            Value[] res = elements(field(ss.values[i], RES));
            sess.put(((IntValue) sk[i]).val, new KvReplica.Session(((IntValue) field(ss.values[i], SEQ)).val,
                res.length == 0 ? null : string(res[0])));
        }
        return KvReplica.of(data, sess);
    }

    private static Value toValue(KvReplica kv) {
        TreeMap<String, String> data = new TreeMap<>(kv.data());
        Value[] dd = new Value[data.size()];
        Value[] dv = new Value[data.size()];
        int i = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            dd[i] = new StringValue(e.getKey());
            dv[i++] = new StringValue(e.getValue());
        }
        TreeMap<Integer, KvReplica.Session> sess = new TreeMap<>(kv.sessions());
        Value[] sd = new Value[sess.size()];
        Value[] sv = new Value[sess.size()];
        i = 0;
        for (Map.Entry<Integer, KvReplica.Session> e : sess.entrySet()) {
            sd[i] = IntValue.gen(e.getKey());
            Value res = e.getValue().result() == null ? new TupleValue(new Value[0])
                : new TupleValue(new Value[] {new StringValue(e.getValue().result())});
            sv[i++] = new RecordValue(new UniqueString[] {SEQ, RES},
                new Value[] {IntValue.gen((int) e.getValue().seq()), res}, false).normalize();
        }
        return new RecordValue(new UniqueString[] {DATA, SESS},
            new Value[] {new FcnRcdValue(dd, dv, false).normalize(), new FcnRcdValue(sd, sv, false).normalize()},
            false).normalize();
    }

    private static Value field(Value r, UniqueString name) {
        Value v = ((RecordValue) (r instanceof RecordValue ? r : r.toRcd())).select(new StringValue(name));
        if (v == null) {
            throw new IllegalArgumentException("KvFoldOf: no field " + name + " in " + r);
        }
        return v;
    }

    private static FcnRcdValue fcn(Value v) {
        Value f = v instanceof FcnRcdValue ? v : v.toFcnRcd();
        if (!(f instanceof FcnRcdValue r)) {
            throw new IllegalArgumentException("KvFoldOf: not a function: " + v);
        }
        return r;
    }

    private static String string(Value v) {
        if (!(v instanceof StringValue s)) {
            throw new IllegalArgumentException("KvFoldOf: not a string: " + v);
        }
        return s.getVal().toString();
    }

    private static Value[] elements(Value s) {
        Value t = s instanceof TupleValue ? s : s.toTuple();
        if (!(t instanceof TupleValue tv)) {
            throw new IllegalArgumentException("KvFoldOf: not a sequence: " + s);
        }
        return tv.elems;
    }
}
