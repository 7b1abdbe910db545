package dev.conform.tracing.itf;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.VectorClock;
import dev.conform.tracing.io.TraceFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Informal Trace Format (Apalache/Quint ADR-015) with Jackson's streaming parser:
 * {@link #read} gives the states with ITF values decoded (see {@link ItfTrace}); {@link #importTrace}
 * turns an ITF file exported by {@link ItfWriter#exportTrace} back into a conform header and
 * events. Problems are {@link TraceFormatException}s at {@code file:line:column}.
 */
public final class ItfReader {
    private static final JsonFactory JSON = new JsonFactory();

    /** A conform trace imported from ITF. */
    public record ImportedTrace(TraceHeader header, List<TraceEvent> events) {
    }

    private final JsonParser p;
    private final String file;

    private ItfReader(JsonParser p, String file) {
        this.p = p;
        this.file = file;
    }

    public static ItfTrace read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static ItfTrace read(InputStream in, String name) {
        List<Map<String, Object>> states = new ArrayList<>();
        Parsed parsed = parse(in, name, (state, line, col) -> states.add(state));
        return new ItfTrace(parsed.meta, parsed.params, parsed.vars, states, parsed.loop);
    }

    public static ImportedTrace importTrace(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return importTrace(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Imports an ITF trace written by {@link ItfWriter#exportTrace}: one state per event. */
    public static ImportedTrace importTrace(InputStream in, String name) {
        List<TraceEvent> events = new ArrayList<>();
        Parsed parsed = parse(in, name, (state, line, col) -> events.add(toEvent(state, name, line, col)));
        Object h = parsed.meta.get("conform");
        if (!(h instanceof Map<?, ?> hm)) {
            throw new TraceFormatException(name, 1, 1,
                    "not a conform trace: #meta has no \"conform\" header (read it with ItfReader.read)");
        }
        return new ImportedTrace(toHeader(hm, name), events);
    }

    /** A trace read with the position of each state's opening brace, for errors about a state. */
    record Located(ItfTrace trace, String file, List<long[]> positions) {
        /** An error at the opening brace of state {@code index} (0-based). */
        TraceFormatException fail(int index, String reason) {
            long[] at = positions.get(index);
            return new TraceFormatException(file, at[0], (int) at[1], reason);
        }
    }

    static Located readLocated(InputStream in, String name) {
        List<Map<String, Object>> states = new ArrayList<>();
        List<long[]> at = new ArrayList<>();
        Parsed parsed = parse(in, name, (state, line, col) -> {
            states.add(state);
            at.add(new long[] {line, col});
        });
        return new Located(new ItfTrace(parsed.meta, parsed.params, parsed.vars, states, parsed.loop), name, at);
    }

    /** Imports one state of an exported conform trace as its event. */
    static TraceEvent exportedEvent(Map<String, Object> state, String file, long line, int col) {
        return toEvent(state, file, line, col);
    }

    /** The conform header an export keeps under {@code #meta.conform}. */
    static TraceHeader exportedHeader(Map<?, ?> header, String file) {
        return toHeader(header, file);
    }

    private interface StateSink {
        void accept(Map<String, Object> state, long line, int column);
    }

    private static final class Parsed {
        Map<String, Object> meta = new LinkedHashMap<>();
        List<String> params = List.of();
        List<String> vars;
        Integer loop;
    }

    private static Parsed parse(InputStream in, String name, StateSink sink) {
        try (JsonParser p = JSON.createParser(in)) {
            ItfReader r = new ItfReader(p, name);
            Parsed out = r.document(sink);
            if (p.nextToken() != null) {
                throw r.fail("unexpected content after the ITF object");
            }
            return out;
        } catch (JacksonException e) {
            JsonLocation l = e.getLocation();
            throw new TraceFormatException(name, l == null ? 1 : Math.max(1, l.getLineNr()),
                    l == null ? 1 : l.getColumnNr(), "invalid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private Parsed document(StateSink sink) throws IOException {
        if (p.nextToken() == null) {
            throw failAt(1, 1, "empty ITF file");
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail("an ITF trace must be a JSON object");
        }
        Parsed out = new Parsed();
        boolean statesSeen = false;
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            switch (field) {
                case "#meta" -> out.meta = objectJson();
                case "params" -> out.params = names("params");
                case "vars" -> out.vars = names("vars");
                case "loop" -> {
                    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                        throw fail("\"loop\" must be an integer");
                    }
                    out.loop = p.getIntValue();
                }
                case "states" -> {
                    states(sink);
                    statesSeen = true;
                }
                default -> p.skipChildren();
            }
        }
        if (out.vars == null) {
            throw fail("missing \"vars\"");
        }
        if (!statesSeen) {
            throw fail("missing \"states\"");
        }
        return out;
    }

    private void states(StateSink sink) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw fail("\"states\" must be an array");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw fail("a state must be an object");
            }
            JsonLocation at = p.currentTokenLocation();
            Map<String, Object> state = new LinkedHashMap<>();
            String var;
            while ((var = p.nextFieldName()) != null) {
                p.nextToken();
                if (var.equals("#meta")) {
                    p.skipChildren();
                    continue;
                }
                if (state.containsKey(var)) {
                    throw fail("duplicate variable \"" + var + "\"");
                }
                state.put(var, value());
            }
            sink.accept(state, at.getLineNr(), at.getColumnNr());
        }
    }

    private List<String> names(String what) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw fail("\"" + what + "\" must be an array of names");
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw fail("\"" + what + "\" must hold strings");
            }
            out.add(p.getText());
        }
        return out;
    }

    /** An ITF value with its # encodings decoded. */
    private Object value() throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue()
                        : (Object) p.getLongValue();
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value());
                }
                return l;
            }
            case START_OBJECT:
                return objectValue();
            case VALUE_NULL:
                throw fail("ITF has no null value");
            case VALUE_NUMBER_FLOAT:
                throw fail("ITF has no non-integer numbers: " + p.getText());
            default:
                throw fail("unexpected " + t);
        }
    }

    private Object objectValue() throws IOException {
        String first = p.nextFieldName();
        if (first == null) {
            return new LinkedHashMap<String, Object>();
        }
        Object special = null;
        boolean isSpecial = true;
        p.nextToken();
        switch (first) {
            case "#bigint" -> {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw fail("\"#bigint\" must be a string of digits");
                }
                String s = p.getText();
                if (!s.matches("-?[0-9]+")) {
                    throw fail("\"#bigint\" value \"" + s + "\" is not an integer");
                }
                BigInteger b = new BigInteger(s);
                special = b.bitLength() < 64 ? (Object) b.longValue() : b;
            }
            case "#tup" -> special = new ItfTuple(list("#tup"));
            case "#set" -> {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw fail("\"#set\" must be an array");
                }
                Set<Object> set = new LinkedHashSet<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    JsonLocation at = p.currentTokenLocation();
                    if (!set.add(value())) {
                        throw failAt(at.getLineNr(), at.getColumnNr(), "duplicate elements in \"#set\"");
                    }
                }
                special = new ItfSet(set);
            }
            case "#map" -> special = itfMap();
            case "#unserializable" -> {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw fail("\"#unserializable\" must be a string");
                }
                special = new ItfUnserializable(p.getText());
            }
            default -> isSpecial = false;
        }
        if (isSpecial) {
            if (p.nextToken() != JsonToken.END_OBJECT) {
                throw fail("\"" + first + "\" must be the only field of its object");
            }
            return special;
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put(first, value());
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (record.containsKey(name)) {
                throw fail("duplicate record field \"" + name + "\"");
            }
            p.nextToken();
            record.put(name, value());
        }
        return record;
    }

    private List<Object> list(String what) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw fail("\"" + what + "\" must be an array");
        }
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            l.add(value());
        }
        return l;
    }

    private ItfMap itfMap() throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw fail("\"#map\" must be an array of [key, value] pairs");
        }
        Map<Object, Object> m = new LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw fail("a \"#map\" entry must be a [key, value] array");
            }
            p.nextToken();
            if (p.currentToken() == JsonToken.END_ARRAY) {
                throw fail("a \"#map\" entry must be a [key, value] array");
            }
            Object k = value();
            if (p.nextToken() == JsonToken.END_ARRAY) {
                throw fail("a \"#map\" entry must be a [key, value] array");
            }
            Object v = value();
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw fail("a \"#map\" entry must have exactly two elements");
            }
            if (m.containsKey(k)) {
                throw fail("duplicate \"#map\" key " + k);
            }
            m.put(k, v);
        }
        return new ItfMap(m);
    }

    /** Plain JSON (for #meta): Map, List, String, Long/BigInteger, Boolean, null. */
    private Map<String, Object> objectJson() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail("\"#meta\" must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) json();
        return m;
    }

    private Object json() throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                String n;
                while ((n = p.nextFieldName()) != null) {
                    p.nextToken();
                    m.put(n, json());
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(json());
                }
                return l;
            }
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue()
                        : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_STRING:
                return p.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private TraceFormatException fail(String reason) {
        JsonLocation l = p.currentTokenLocation();
        return failAt(l.getLineNr(), l.getColumnNr(), reason);
    }

    private TraceFormatException failAt(long line, int col, String reason) {
        return new TraceFormatException(file, Math.max(1, line), col, reason);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    // ---- conform events from exported states ----

    private static TraceEvent toEvent(Map<String, Object> s, String file, long line, int col) {
        Conv c = new Conv(file, line, col);
        for (String k : s.keySet()) {
            if (!ItfWriter.EVENT_VARS.contains(k)) {
                throw c.fail("unknown variable \"" + k + "\" in an exported conform event");
            }
        }
        for (String k : ItfWriter.EVENT_VARS) {
            if (!s.containsKey(k)) {
                throw c.fail("missing variable \"" + k + "\": every ITF state sets every name in \"vars\"");
            }
        }
        Object seqValue = c.option(s, "seq");
        long seq = seqValue == null ? -1 : c.nonNegative(seqValue, "seq");
        int node = c.intValue(s.get("node"), "node");
        String kindName = c.string(s.get("kind"), "kind");
        EventKind kind = EventKind.fromWire(kindName);
        if (kind == null) {
            throw c.fail("unknown event kind \"" + kindName + "\"");
        }
        Object actionValue = c.option(s, "action");
        String action = actionValue == null ? null : c.string(actionValue, "action");
        TraceMessage msg = null;
        Object msgValue = c.option(s, "msg");
        if (msgValue != null) {
            Map<String, Object> m = c.record(msgValue, "msg");
            msg = new TraceMessage(c.nonNegative(c.required(m, "id"), "msg.id"),
                    c.intValue(c.required(m, "from"), "msg.from"), c.intValue(c.required(m, "to"), "msg.to"),
                    c.string(c.required(m, "type"), "msg.type"),
                    m.containsKey("body") ? c.plain(m.get("body"), "msg.body") : null);
        }
        Object stateValue = c.option(s, "state");
        Object state = stateValue == null ? null : c.plain(stateValue, "state");
        Object lamportValue = c.option(s, "lamport");
        long lamport = lamportValue == null ? -1 : c.nonNegative(lamportValue, "lamport");
        VectorClock vc = null;
        Object vcValue = c.option(s, "vc");
        if (vcValue != null) {
            if (!(vcValue instanceof ItfMap m)) {
                throw c.fail("\"vc\" must be a #map from node id to counter");
            }
            Map<Integer, Long> entries = new HashMap<>();
            m.entries().forEach((k, v) -> entries.put(c.intValue(k, "vc key"), c.nonNegative(v, "vc entry")));
            vc = VectorClock.of(entries);
        }
        return new TraceEvent(seq, node, kind, action, msg, state, lamport, vc);
    }

    private static TraceHeader toHeader(Map<?, ?> h, String file) {
        Conv c = new Conv(file, 1, 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) h;
        List<Integer> nodes = new ArrayList<>();
        if (!(c.required(m, "nodes") instanceof List<?> l)) {
            throw c.fail("#meta.conform.nodes must be a list");
        }
        for (Object o : l) {
            nodes.add(c.intValue(o, "node id"));
        }
        Object seed = m.get("seed");
        Object params = m.get("params");
        @SuppressWarnings("unchecked")
        Map<String, Object> paramMap = params instanceof Map<?, ?> pm ? (Map<String, Object>) pm : Map.of();
        Map<String, List<Integer>> roles = null;
        if (m.get("roles") instanceof Map<?, ?> rm) {
            roles = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> r : rm.entrySet()) {
                if (!(r.getValue() instanceof List<?> ids)) {
                    throw c.fail("#meta.conform.roles." + r.getKey() + " must be a list of node ids");
                }
                List<Integer> list = new ArrayList<>();
                for (Object o : ids) {
                    list.add(c.intValue(o, "node id"));
                }
                roles.put(String.valueOf(r.getKey()), list);
            }
        } else if (m.get("roles") != null) {
            throw c.fail("#meta.conform.roles must be a map from role to node ids");
        }
        String badRoles = TraceHeader.rolesProblem(nodes, roles);
        if (badRoles != null) {
            throw c.fail("#meta.conform.roles: " + badRoles);
        }
        return new TraceHeader(c.intValue(c.required(m, "schema"), "schema"), c.string(c.required(m, "algorithm"), "algorithm"),
                nodes, seed == null ? null : c.nonNegative(seed, "seed"), m.get("plan"),
                c.string(c.required(m, "producer"), "producer"), paramMap, roles);
    }

    /** Checked conversions that fail at the position of the state being converted. */
    private record Conv(String file, long line, int col) {
        TraceFormatException fail(String reason) {
            return new TraceFormatException(file, line, col, reason);
        }

        /** The value inside the Option variant held by {@code k}, null for None. */
        Object option(Map<String, Object> m, String k) {
            try {
                return ItfOption.value(m.get(k));
            } catch (IllegalArgumentException e) {
                throw fail("\"" + k + "\" " + e.getMessage());
            }
        }

        Object required(Map<String, Object> m, String k) {
            Object v = m.get(k);
            if (v == null) {
                throw fail("missing \"" + k + "\"");
            }
            return v;
        }

        long nonNegative(Object v, String what) {
            if (!(v instanceof Long l) || l < 0) {
                throw fail("\"" + what + "\" must be a non-negative 64-bit integer, found " + v);
            }
            return l;
        }

        int intValue(Object v, String what) {
            if (!(v instanceof Long l) || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw fail("\"" + what + "\" must be a 32-bit integer, found " + v);
            }
            return (int) (long) l;
        }

        String string(Object v, String what) {
            if (!(v instanceof String s)) {
                throw fail("\"" + what + "\" must be a string, found " + v);
            }
            return s;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> record(Object v, String what) {
            if (!(v instanceof Map<?, ?> m)) {
                throw fail("\"" + what + "\" must be a record");
            }
            return (Map<String, Object>) m;
        }

        /** Checks a value is JSON-like (what NDJSON traces carry). */
        Object plain(Object v, String what) {
            if (v instanceof Map<?, ?> m) {
                m.values().forEach(x -> plain(x, what));
            } else if (v instanceof List<?> l) {
                l.forEach(x -> plain(x, what));
            } else if (!(v instanceof String || v instanceof Long || v instanceof Boolean)) {
                throw fail("\"" + what + "\" holds " + v + ", which a conform trace cannot carry");
            }
            return v;
        }
    }
}
