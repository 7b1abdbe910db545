package dev.conform.checker.tla;

import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import util.UniqueString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each trace of a batch file starts, and its header. A batch file (written by
 * {@code dev.conform.checker.validate.BatchFile}) is a trace file whose header carries
 * {@code "conformBatch": {"starts": [s1, s2, ...], "headers": [h1, h2, ...]}}: trace j's events
 * are the file's events from {@code starts[j]} on, each trace after the first preceded by its begin
 * event at {@code starts[j] - 1}. TraceInput's {@code TraceNumberAt} and {@code TraceHeaderAt}
 * read it, so that a trace spec sees each trace under its own header.
 */
public final class BatchIndex {
    static final String FIELD = "conformBatch";
    private static final UniqueString FIELD_NAME = UniqueString.uniqueStringOf(FIELD);

    private final Value first;
    /** begins[j]: the file index of trace j+1's first event or begin event (trace 1: 1). */
    private final long[] begins;
    private final Value[] headers;

    private BatchIndex(Value first, long[] begins, Value[] headers) {
        this.first = first;
        this.begins = begins;
        this.headers = headers;
    }

    /** The batch index of a header record, or null when it is the header of a single trace. */
    static BatchIndex of(Value header, String file) {
        if (!(header instanceof RecordValue r)) {
            return null;
        }
        int at = Arrays.asList(r.names).indexOf(FIELD_NAME);
        if (at < 0) {
            return null;
        }
        if (!(r.values[at] instanceof RecordValue b) || !(field(b, "starts") instanceof TupleValue starts)
                || !(field(b, "headers") instanceof TupleValue hs) || hs.elems.length != starts.elems.length
                || starts.elems.length == 0) {
            throw new IllegalArgumentException(file + ":1:1: malformed \"" + FIELD + "\" in the batch header");
        }
        long[] begins = new long[starts.elems.length];
        for (int j = 0; j < begins.length; j++) {
            if (!(starts.elems[j] instanceof IntValue s) || s.val < 1 || j > 0 && s.val - 1 <= begins[j - 1]) {
                throw new IllegalArgumentException(file + ":1:1: the batch's trace starts must increase");
            }
            begins[j] = j == 0 ? 1 : s.val - 1;
        }
        List<UniqueString> names = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < r.names.length; i++) {
            if (i != at) {
                names.add(r.names[i]);
                values.add(r.values[i]);
            }
        }
        Value first = new RecordValue(names.toArray(new UniqueString[0]), values.toArray(new Value[0]), false)
                .normalize();
        return new BatchIndex(first, begins, hs.elems);
    }

    private static Value field(RecordValue r, String name) {
        int i = Arrays.asList(r.names).indexOf(UniqueString.uniqueStringOf(name));
        return i < 0 ? null : r.values[i];
    }

    /** The header of the first trace, without the batch field: the batch's TraceHeader. */
    Value first() {
        return first;
    }

    /** The trace (1-based) that file event {@code k} belongs to (its begin event included). */
    int traceAt(long k) {
        int i = Arrays.binarySearch(begins, k);
        int j = i >= 0 ? i : -i - 2;
        return Math.max(0, j) + 1;
    }

    Value headerAt(long k) {
        return headers[traceAt(k) - 1];
    }
}
