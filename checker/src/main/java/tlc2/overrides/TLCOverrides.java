package tlc2.overrides;

import dev.conform.checker.tla.TraceIndexOperators;
import dev.conform.checker.tla.ItfValueOperators;
import dev.conform.checker.tla.KvStoreOperators;
import dev.conform.checker.tla.TraceInputOperators;
import dev.conform.checker.tla.TraceSeqOperators;

/**
 * The one operator-override index of the project. TLC 2.18 loads the first class with this
 * exact name it finds on its classpath and binds the {@link TLAPlusOperator} static methods of
 * every class listed by {@link #get()} to the TLA+ operators they name. A second class with
 * this name anywhere on the classpath would silently hide one of them: keep exactly this one.
 */
public final class TLCOverrides implements ITLCOverrides {
    @SuppressWarnings("rawtypes")
    @Override
    public Class[] get() {
        return new Class[] {TraceInputOperators.class, TraceIndexOperators.class, TraceSeqOperators.class,
            KvStoreOperators.class, ItfValueOperators.class};
    }
}
