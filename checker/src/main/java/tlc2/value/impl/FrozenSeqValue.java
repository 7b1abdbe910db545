package tlc2.value.impl;

import java.io.IOException;
import tlc2.tool.EvalException;
import tlc2.output.EC;
import tlc2.value.IMVPerm;
import tlc2.value.IValue;
import tlc2.value.IValueOutputStream;
import tlc2.value.Values;

/**
 * A sequence that TLC does not walk again when it fingerprints a state. TLC normalizes every
 * variable in full before it fingerprints a state (even one its VIEW leaves out), and a
 * {@link TupleValue} visits all its elements each time; a compacted log that only grows along a
 * trace would be walked in every state. This value holds a tuple whose elements were normalized
 * when it was built (TLC values never change once normalized), so normalizing it again is free.
 *
 * <p>It is the same TLA+ value as its tuple: equality and comparison both ways, fingerprint,
 * printed form ({@code <<...>>}) and serialized form are the tuple's, and every conversion
 * ({@code toTuple}, ...) returns the tuple, which is how TLC's Sequences operators read their
 * arguments. TLC applies as a function only its own function classes ({@code s[k]} on this value
 * is an error), so a spec indexes it through an operator ({@code FrozenAt} of TraceSeq.tla).
 *
 * <p><b>Why it lives in TLC's package.</b> TLC 2.18's public API leaves no way to write this
 * value elsewhere: {@link Value} declares {@code abstract boolean assignable(Value)} with package
 * access, so only a class in {@code tlc2.value.impl} can extend it, and every concrete public
 * value class that could be extended instead ({@link TupleValue}, {@code RecordValue}, ...) makes
 * {@code normalize}, {@code deepNormalize}, {@code fingerPrint} and {@code deepCopy} final, which
 * are the methods this class exists to change. So this is the one adapter conform places among
 * TLC's values: it touches nothing but the value API, and only
 * {@link dev.conform.checker.tla.TraceSeqOperators} (the Java body of {@code FrozenConcat}) builds
 * it. Besides the {@code tlc2.overrides.TLCOverrides} index it is the only conform class in a TLC
 * package. {@code TlcValueContractTest} fails, naming what changed, when the TLC jar on the
 * classpath is not the one this was written against (version string, the package access of
 * {@code assignable}, the final methods, and every method {@link TupleValue} specializes being
 * specialized here too); TLC jars given at run time ({@code --tla2tools}) load it too, and a
 * mismatch there stops TLC with an error, which the validator reports as a tool failure.
 */
public final class FrozenSeqValue extends Value implements Applicable {
    private static final long serialVersionUID = 1L;

    private final TupleValue seq;
    private final boolean defined;

    private FrozenSeqValue(TupleValue seq, boolean defined) {
        this.seq = seq;
        this.defined = defined;
    }

    /** The sequence of s's elements: s frozen as is (its elements normalized now). */
    public static FrozenSeqValue of(Value s) {
        if (s instanceof FrozenSeqValue f) {
            return f;
        }
        TupleValue t = tuple(s, "FrozenSeqValue.of");
        t.deepNormalize();
        return new FrozenSeqValue(t, t.isDefined());
    }

    /** {@code s \o t}; only the elements of the parts not already frozen are normalized. */
    public static FrozenSeqValue concat(Value s, Value t) {
        FrozenSeqValue a = of(s);
        TupleValue b = tuple(t, "\\o");
        b.deepNormalize();
        int n = a.seq.elems.length;
        Value[] elems = new Value[n + b.elems.length];
        System.arraycopy(a.seq.elems, 0, elems, 0, n);
        System.arraycopy(b.elems, 0, elems, n, b.elems.length);
        return new FrozenSeqValue(new TupleValue(elems), a.defined && b.isDefined());
    }

    private static TupleValue tuple(Value s, String op) {
        Value t = s.toTuple();
        if (!(t instanceof TupleValue tv)) {
            throw new EvalException(EC.TLC_MODULE_EVALUATING, new String[] {op, "sequence", Values.ppr(s.toString())});
        }
        return tv;
    }

    /** The tuple this value stands for. */
    public TupleValue tuple() {
        return seq;
    }

    @Override
    public byte getKind() {
        return TUPLEVALUE;
    }

    @Override
    public int compareTo(Object obj) {
        return seq.compareTo(obj);
    }

    @Override
    public boolean equals(Object obj) {
        return seq.equals(obj);
    }

    @Override
    public boolean member(Value elem) {
        return seq.member(elem);
    }

    @Override
    public boolean isFinite() {
        return true;
    }

    @Override
    public Value apply(Value arg, int control) {
        return seq.apply(arg, control);
    }

    @Override
    public Value apply(Value[] args, int control) {
        return seq.apply(args, control);
    }

    @Override
    public Value select(Value arg) {
        return seq.select(arg);
    }

    @Override
    public Value getDomain() {
        return seq.getDomain();
    }

    @Override
    public Value takeExcept(ValueExcept ex) {
        return seq.takeExcept(ex);
    }

    @Override
    public Value takeExcept(ValueExcept[] exs) {
        return seq.takeExcept(exs);
    }

    @Override
    boolean assignable(Value val) {
        return seq.assignable(val);
    }

    @Override
    public int size() {
        return seq.size();
    }

    @Override
    public boolean isNormalized() {
        return true;
    }

    @Override
    public Value normalize() {
        return this;
    }

    /** The point of this class: the elements were normalized when it was built. */
    @Override
    public void deepNormalize() {
    }

    @Override
    public boolean isDefined() {
        return defined;
    }

    /** Immutable and normalized: nothing a copy would protect. */
    @Override
    public IValue deepCopy() {
        return this;
    }

    @Override
    public Value toTuple() {
        return seq;
    }

    @Override
    public Value toFcnRcd() {
        return seq.toFcnRcd();
    }

    @Override
    public Value toRcd() {
        return seq.toRcd();
    }

    @Override
    public Value toSetEnum() {
        return seq.toSetEnum();
    }

    @Override
    public void write(IValueOutputStream vos) throws IOException {
        seq.write(vos);
    }

    @Override
    public long fingerPrint(long fp) {
        return seq.fingerPrint(fp);
    }

    @Override
    public IValue permute(IMVPerm perm) {
        return seq.permute(perm);
    }

    @Override
    public StringBuffer toString(StringBuffer sb, int offset, boolean swallow) {
        return seq.toString(sb, offset, swallow);
    }
}
