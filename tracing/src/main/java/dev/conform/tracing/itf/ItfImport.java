package dev.conform.tracing.itf;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns any ITF trace into a conform trace. An ITF file exported by conform ({@code #meta.conform}
 * holds its header) gives back its header and events. Any other ITF trace (Quint's {@code run
 * --out-itf}, Apalache's counterexamples) is a <em>state sequence</em>: state i becomes event i+1,
 * an {@code action} event whose action is the state's {@value #ACTION_TAKEN} when the trace has it
 * ({@code init}/{@code step} otherwise) and whose {@code state} is a record from each variable's
 * TLA+ name ({@link ItfNames}) to its value. Values keep their ITF encodings where JSON has none
 * ({@code {"#set": [...]}}, {@code {"#map": [[k, v], ...]}}, {@code {"#tup": [...]}}, and
 * {@code {"#bigint": "n"}} beyond 64 bits), so nothing is lost; the trace spec of a state sequence
 * decodes them ({@code specs/lib/TraceStates.tla}). {@value #NONDET_PICKS} is dropped: it records
 * how Quint chose, not the state.
 */
public final class ItfImport {
    /** Quint's variable naming the action that produced a state ({@code quint run --mbt}). */
    public static final String ACTION_TAKEN = "mbt::actionTaken";
    /** Quint's variable holding the nondeterministic choices of that action. */
    public static final String NONDET_PICKS = "mbt::nondetPicks";
    /** The header's algorithm for a state sequence. */
    public static final String STATES_ALGORITHM = "itf-states";
    /** The node every event of a state sequence is recorded at (a state is global). */
    public static final int STATES_NODE = 0;

    /**
     * An imported trace.
     *
     * @param header    the conform header
     * @param events    its events
     * @param variables for a state sequence, the TLA+ names of the recorded variables in the order
     *                  of ITF's {@code vars}; null for a conform export
     */
    public record Imported(TraceHeader header, List<TraceEvent> events, List<String> variables) {
        public Imported {
            events = List.copyOf(events);
            variables = variables == null ? null : List.copyOf(variables);
        }

        /** Whether the trace is a sequence of states (not a conform export). */
        public boolean isStateSequence() {
            return variables != null;
        }

        /** Writes the trace as NDJSON. */
        public void writeNdjson(Path file) {
            try (NdjsonSink sink = new NdjsonSink(file)) {
                sink.header(header);
                events.forEach(sink::event);
            }
        }
    }

    private ItfImport() {
    }

    /** Reads {@code file}; problems are {@link TraceFormatException}s at file:line:column. */
    public static Imported read(Path file, ItfNames names) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static Imported read(InputStream in, String name, ItfNames names) {
        ItfReader.Located located = ItfReader.readLocated(in, name);
        ItfTrace t = located.trace();
        if (t.meta().get("conform") instanceof Map<?, ?> header) {
            if (names.file() != null) {
                throw new TraceFormatException(names.file(), 1, 1, "a variable mapping does not apply to "
                        + name + ": it is a conform trace exported as ITF, its variables are conform's");
            }
            List<TraceEvent> events = new ArrayList<>();
            for (int i = 0; i < t.states().size(); i++) {
                long[] at = located.positions().get(i);
                events.add(ItfReader.exportedEvent(t.states().get(i), name, at[0], (int) at[1]));
            }
            return new Imported(ItfReader.exportedHeader(header, name), events, null);
        }
        return states(located, names);
    }

    private static Imported states(ItfReader.Located located, ItfNames names) {
        ItfTrace t = located.trace();
        names.requireUsed(t.vars());
        Map<String, String> tlaOf = new LinkedHashMap<>();
        Map<String, String> itfOf = new LinkedHashMap<>();
        for (String v : t.vars()) {
            if (v.equals(ACTION_TAKEN) || v.equals(NONDET_PICKS)) {
                continue;
            }
            String tla = names.tlaName(v);
            if (!ItfNames.isIdentifier(tla)) {
                throw new TraceFormatException(located.file(), 1, 1, "ITF variable " + TraceFormatException.quote(v)
                        + " has no TLA+ name (" + TraceFormatException.quote(tla)
                        + " is not an identifier): name it in a variable mapping file");
            }
            String other = itfOf.putIfAbsent(tla, v);
            if (other != null) {
                throw new TraceFormatException(located.file(), 1, 1, "ITF variables " + TraceFormatException.quote(other)
                        + " and " + TraceFormatException.quote(v) + " would both be " + tla
                        + ": name them in a variable mapping file");
            }
            tlaOf.put(v, tla);
        }
        boolean hasAction = t.vars().contains(ACTION_TAKEN);
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < t.states().size(); i++) {
            Map<String, Object> s = t.states().get(i);
            for (String v : t.vars()) {
                if (!s.containsKey(v)) {
                    throw located.fail(i, "state " + i + " does not set " + TraceFormatException.quote(v)
                            + ": every ITF state sets every name in \"vars\"");
                }
            }
            for (String k : s.keySet()) {
                if (!t.vars().contains(k)) {
                    throw located.fail(i, "state " + i + " sets " + TraceFormatException.quote(k)
                            + ", which \"vars\" does not name");
                }
            }
            String action = i == 0 ? "init" : "step";
            if (hasAction) {
                if (!(s.get(ACTION_TAKEN) instanceof String a)) {
                    throw located.fail(i, "state " + i + ": \"" + ACTION_TAKEN + "\" must be a string");
                }
                action = a;
            }
            Map<String, Object> state = new LinkedHashMap<>();
            for (Map.Entry<String, String> v : tlaOf.entrySet()) {
                int index = i;
                state.put(v.getValue(), json(s.get(v.getKey()), what -> located.fail(index, "state " + index
                        + ", variable " + TraceFormatException.quote(v.getKey()) + ": " + what)));
            }
            events.add(new TraceEvent(i + 1, STATES_NODE, EventKind.ACTION, action, null, state, -1, null));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        Object source = t.meta().get("source");
        if (source instanceof String src) {
            params.put("source", src);
        }
        params.put("variables", new ArrayList<>(tlaOf.values()));
        params.put("itfVariables", new ArrayList<>(tlaOf.keySet()));
        TraceHeader header = new TraceHeader(TraceHeader.SCHEMA_VERSION, STATES_ALGORITHM, List.of(STATES_NODE), null,
                null, "itf" + (source instanceof String src ? " " + src : ""), params);
        return new Imported(header, events, new ArrayList<>(tlaOf.values()));
    }

    private interface Failure {
        TraceFormatException at(String what);
    }

    /** An ITF value as JSON, keeping the ITF encodings JSON has no form for. */
    private static Object json(Object v, Failure fail) {
        if (v instanceof String || v instanceof Boolean || v instanceof Long) {
            return v;
        }
        if (v instanceof BigInteger b) {
            return Map.of("#bigint", b.toString());
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> json(x, fail)).toList();
        }
        if (v instanceof ItfTuple tup) {
            return Map.of("#tup", tup.elements().stream().map(x -> json(x, fail)).toList());
        }
        if (v instanceof ItfSet set) {
            return Map.of("#set", set.elements().stream().map(x -> json(x, fail)).toList());
        }
        if (v instanceof ItfMap m) {
            List<Object> pairs = new ArrayList<>();
            m.entries().forEach((k, x) -> pairs.add(List.of(json(k, fail), json(x, fail))));
            return Map.of("#map", pairs);
        }
        if (v instanceof ItfUnserializable u) {
            throw fail.at("an unserializable value (" + TraceFormatException.quote(u.text()) + ") cannot be checked");
        }
        if (v instanceof Map<?, ?> record) {
            Map<String, Object> out = new LinkedHashMap<>();
            record.forEach((k, x) -> out.put((String) k, json(x, fail)));
            return out;
        }
        throw fail.at("unexpected value " + v);
    }
}
