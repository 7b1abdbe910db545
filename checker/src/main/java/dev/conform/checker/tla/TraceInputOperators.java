package dev.conform.checker.tla;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tlc2.overrides.TLAPlusOperator;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

/**
 * Java bodies of the operators of {@code TraceInput.tla}. TLC evaluates each zero-argument
 * operator once; the values are also cached here so a repeated call never re-reads the file.
 * Any problem with the file is thrown as an exception whose message starts with
 * {@code file:line:col:}; TLC reports it as an evaluation error and the validator fails.
 */
public final class TraceInputOperators {
    private static final JsonFactory JSON = new JsonFactory();
    /** The ranges of the trace read so far in this TLC run. */
    private static final Map<TraceSlice, Loaded> KNOWN = new HashMap<>();

    private TraceInputOperators() {
    }

    /** The events of the selected slice, header excluded, as a sequence of records. */
    @TLAPlusOperator(identifier = "TraceLog", module = "TraceInput", warn = false)
    public static Value traceLog() {
        return load().events;
    }

    /** The header line of the trace as a record. */
    @TLAPlusOperator(identifier = "TraceHeader", module = "TraceInput", warn = false)
    public static Value traceHeader() {
        return load().header;
    }

    /** The trace (1-based) that event {@code k} of the file belongs to: 1 unless the file is a batch. */
    @TLAPlusOperator(identifier = "TraceNumberAt", module = "TraceInput", warn = false)
    public static Value traceNumberAt(Value k) {
        BatchIndex b = load().batch;
        return IntValue.gen(b == null ? 1 : b.traceAt(index(k)));
    }

    /** The header of the trace that event {@code k} of the file belongs to. */
    @TLAPlusOperator(identifier = "TraceHeaderAt", module = "TraceInput", warn = false)
    public static Value traceHeaderAt(Value k) {
        Loaded l = load();
        return l.batch == null ? l.header : l.batch.headerAt(index(k));
    }

    private static long index(Value k) {
        if (!(k instanceof IntValue i)) {
            throw new IllegalArgumentException("TraceNumberAt/TraceHeaderAt: the event index must be an integer, got " + k);
        }
        return i.val;
    }

    /** How many events of the file precede {@code TraceLog[1]} (0 unless the trace is segmented). */
    @TLAPlusOperator(identifier = "TraceOffset", module = "TraceInput", warn = false)
    public static Value traceOffset() {
        long offset = load().slice.from() - 1;
        return IntValue.gen(Math.toIntExact(offset));
    }

    /**
     * Every event of the file, whatever slice is selected (the first TraceOffset of them precede
     * TraceLog): for looking ahead past the current segment, e.g. to know whether a message is
     * delivered again later. Never part of a state, so it is not bound by TLC's behaviour length.
     */
    @TLAPlusOperator(identifier = "TraceFile", module = "TraceInput", warn = false)
    public static Value traceFile() {
        TraceSlice slice = TraceSlice.fromSystemProperties();
        return get(new TraceSlice(slice.path(), 1, Long.MAX_VALUE), false).events;
    }

    /**
     * The events from the selected slice's first one to the end of the file (TraceLog is its
     * prefix): for looking ahead past the current segment without converting the events before
     * it, which a segment never needs.
     */
    @TLAPlusOperator(identifier = "TraceAhead", module = "TraceInput", warn = false)
    public static Value traceAhead() {
        TraceSlice slice = TraceSlice.fromSystemProperties();
        return get(new TraceSlice(slice.path(), slice.from(), Long.MAX_VALUE), false).events;
    }

    private static Loaded load() {
        return get(TraceSlice.fromSystemProperties(), true);
    }

    /**
     * The events of {@code slice}, read once: taken from a range already read that covers it, or
     * read with the events of an overlapping range already read taken as they are (TraceLog,
     * TraceAhead and TraceFile of one segment overlap; each event is converted once).
     */
    private static synchronized Loaded get(TraceSlice slice, boolean oneBehaviour) {
        Loaded l = KNOWN.get(slice);
        if (l == null) {
            Loaded cover = null;
            Loaded overlap = null;
            for (Loaded k : KNOWN.values()) {
                if (!k.slice.path().equals(slice.path())) {
                    continue;
                }
                if (covers(k, slice)) {
                    cover = k;
                } else if (overlap == null || k.events.elems.length > overlap.events.elems.length) {
                    overlap = k;
                }
            }
            l = cover != null ? sliceOf(cover, slice) : read(slice, false, overlap);
            if (KNOWN.size() >= 8) {
                KNOWN.clear(); // only tests read many files in one JVM
            }
            KNOWN.put(slice, l);
        }
        if (oneBehaviour) {
            checkLength(l);
        }
        return l;
    }

    /** Whether the events read for {@code k} include every event of {@code s} in the file. */
    private static boolean covers(Loaded k, TraceSlice s) {
        long kLast = k.slice.from() - 1 + k.events.elems.length; // index of k's last event read
        boolean kReachedEnd = k.events.elems.length < k.slice.to() - k.slice.from() + 1;
        return k.slice.from() <= s.from() && (kReachedEnd || kLast >= s.to());
    }

    /** Reads one slice of a trace file (public for tests and benchmarks). */
    public static Loaded read(TraceSlice slice) {
        return read(slice, true, null);
    }

    /** The events of {@code slice} taken from {@code all}, which covers it (the values are shared). */
    static Loaded sliceOf(Loaded all, TraceSlice slice) {
        Value[] e = all.events.elems;
        long skip = slice.from() - all.slice.from();
        int from = (int) Math.min(skip, e.length);
        int to = (int) Math.min(e.length, skip + (slice.to() - slice.from() + 1));
        return new Loaded(slice, all.header, new TupleValue(Arrays.copyOfRange(e, from, Math.max(from, to))),
                all.batch);
    }

    private static void checkLength(Loaded l) {
        if (l.events.elems.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException(l.slice.path() + ": " + l.events.elems.length
                    + " events exceed TLC's 32,767-step behaviour; validate in segments");
        }
    }

    /**
     * Reads a slice; the events of {@code known} (a slice of the same file already read), where
     * they fall inside it, are skipped by the parser and taken as they are.
     */
    private static Loaded read(TraceSlice slice, boolean oneBehaviour, Loaded known) {
        Path file = Path.of(slice.path());
        JsonToTla conv = new JsonToTla(slice.path());
        Value[] reuse = known == null ? new Value[0] : known.events.elems;
        long reuseFrom = known == null ? 1 : known.slice.from();
        try (JsonParser p = JSON.createParser(Files.newInputStream(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw conv.error(p, "the first line must be the trace header object");
            }
            Value header = conv.read(p);
            BatchIndex batch = BatchIndex.of(header, slice.path());
            if (batch != null) {
                header = batch.first();
            }
            List<Value> events = new ArrayList<>();
            long index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null && index < slice.to()) {
                if (t != JsonToken.START_OBJECT) {
                    throw conv.error(p, "each line after the header must be one event object");
                }
                index++;
                long r = index - reuseFrom;
                if (index < slice.from()) {
                    p.skipChildren();
                } else if (r >= 0 && r < reuse.length) {
                    p.skipChildren();
                    events.add(reuse[(int) r]);
                } else {
                    events.add(conv.read(p));
                }
            }
            Loaded l = new Loaded(slice, header, new TupleValue(events.toArray(new Value[0])), batch);
            if (oneBehaviour) {
                checkLength(l);
            }
            return l;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new IllegalArgumentException(slice.path() + ":" + (loc == null ? 0 : loc.getLineNr()) + ":"
                    + (loc == null ? 0 : loc.getColumnNr()) + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(slice.path() + ":0:0: cannot read trace: " + e.getMessage(), e);
        }
    }

    /** A slice as TLC values; {@code batch} is null unless the file is a batch of traces. */
    public record Loaded(TraceSlice slice, Value header, TupleValue events, BatchIndex batch) {
        public Loaded {
            if (!(header instanceof RecordValue)) {
                throw new IllegalArgumentException(slice.path() + ":1:1: the header must be a JSON object");
            }
        }
    }
}
