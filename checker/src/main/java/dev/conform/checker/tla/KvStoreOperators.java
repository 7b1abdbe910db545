package dev.conform.checker.tla;

import dev.conform.checker.invariants.raft.KvCommandText;
import tlc2.overrides.TLAPlusOperator;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * Java body of {@code KvCommand} of specs/lib/KvStore.tla: the client command a Raft log
 * entry's value holds, read with the same rules as the Java replay ({@link KvCommandText}), as a
 * record {@code [client, seq, kind, key, val, exp, op]}. TLC cannot evaluate the TLA+ definition
 * (a CHOOSE over all strings); this computes the value it defines.
 */
public final class KvStoreOperators {
    private static final UniqueString[] FIELDS = {
        UniqueString.uniqueStringOf("client"), UniqueString.uniqueStringOf("seq"),
        UniqueString.uniqueStringOf("kind"), UniqueString.uniqueStringOf("key"),
        UniqueString.uniqueStringOf("val"), UniqueString.uniqueStringOf("exp"),
        UniqueString.uniqueStringOf("op")};

    private KvStoreOperators() {
    }

    @TLAPlusOperator(identifier = "KvCommand", module = "KvStore", warn = false)
    public static Value kvCommand(Value v) {
        KvCommandText c = v instanceof StringValue s ? KvCommandText.parse(s.getVal().toString()) : KvCommandText.INVALID;
        Value[] values = {
            IntValue.gen(c.client()), IntValue.gen(c.seq()), str(c.kind()), str(c.key()), str(c.val()),
            str(c.exp()), str(c.op())};
        return new RecordValue(FIELDS.clone(), values, false).normalize();
    }

    /** Java body of TraceRaft.tla's KvFoldOf (a loop instead of TLC's recursion; see {@link KvFoldBody}). */
    @TLAPlusOperator(identifier = "KvFoldOf", module = "TraceRaft", warn = false)
    public static Value kvFoldOf(Value st, Value snap, Value lg, Value a, Value b) {
        return KvFoldBody.fold(st, snap, lg, a, b);
    }

    private static Value str(String s) {
        return new StringValue(s);
    }
}
