package dev.conform.checker.tla;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    private static Loaded loaded;
    private static Loaded whole;

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
        return loadWhole().events;
    }

    private static synchronized Loaded loadWhole() {
        TraceSlice slice = TraceSlice.fromSystemProperties();
        TraceSlice all = new TraceSlice(slice.path(), 1, Long.MAX_VALUE);
        if (whole == null || !whole.slice.equals(all)) {
            whole = read(all, false);
        }
        return whole;
    }

    private static synchronized Loaded load() {
        TraceSlice slice = TraceSlice.fromSystemProperties();
        if (loaded == null || !loaded.slice.equals(slice)) {
            loaded = read(slice);
        }
        return loaded;
    }

    /** Reads one slice of a trace file (public for tests and benchmarks). */
    public static Loaded read(TraceSlice slice) {
        return read(slice, true);
    }

    private static Loaded read(TraceSlice slice, boolean oneBehaviour) {
        Path file = Path.of(slice.path());
        JsonToTla conv = new JsonToTla(slice.path());
        try (JsonParser p = JSON.createParser(Files.newInputStream(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw conv.error(p, "the first line must be the trace header object");
            }
            Value header = conv.read(p);
            List<Value> events = new ArrayList<>();
            long index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null && index < slice.to()) {
                if (t != JsonToken.START_OBJECT) {
                    throw conv.error(p, "each line after the header must be one event object");
                }
                index++;
                if (index < slice.from()) {
                    p.skipChildren();
                } else {
                    events.add(conv.read(p));
                }
            }
            if (oneBehaviour && events.size() > Short.MAX_VALUE) {
                throw new IllegalArgumentException(slice.path() + ": " + events.size()
                        + " events exceed TLC's 32,767-step behaviour; validate in segments");
            }
            return new Loaded(slice, header, new TupleValue(events.toArray(new Value[0])));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new IllegalArgumentException(slice.path() + ":" + (loc == null ? 0 : loc.getLineNr()) + ":"
                    + (loc == null ? 0 : loc.getColumnNr()) + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(slice.path() + ":0:0: cannot read trace: " + e.getMessage(), e);
        }
    }

    /** A slice as TLC values. */
    public record Loaded(TraceSlice slice, Value header, TupleValue events) {
        public Loaded {
            if (!(header instanceof RecordValue)) {
                throw new IllegalArgumentException(slice.path() + ":1:1: the header must be a JSON object");
            }
        }
    }
}
