package dev.conform.tracing.itf;

import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.io.TraceSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItfRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void statesWithEveryEncodingRoundTrip() {
        Map<String, Object> s0 = new LinkedHashMap<>();
        s0.put("x", 2L);
        s0.put("big", new BigInteger("1000000000000000000000"));
        s0.put("neg", -5L);
        s0.put("name", "h\u00e9llo \"q\"");
        s0.put("flag", true);
        s0.put("seq", List.of(1L, 2L, List.of("a")));
        s0.put("rec", Map.of("foo", 3L, "bar", false));
        s0.put("tup", new ItfTuple(List.of(7L, "seven")));
        s0.put("set", new ItfSet(Set.of(5L, 6L)));
        s0.put("fun", new ItfMap(Map.of(1L, "a", 2L, "b")));
        s0.put("nested", new ItfMap(Map.of(new ItfTuple(List.of(1L, 2L)), new ItfSet(Set.of()))));
        s0.put("variant", Map.of("tag", "Some", "value", 41L));
        s0.put("opaque", new ItfUnserializable("<lambda>"));
        s0.put("empty", new LinkedHashMap<String, Object>());
        Map<String, Object> s1 = new LinkedHashMap<>(s0);
        s1.put("x", 3L);
        s1.put("flag", false);
        ItfTrace t = new ItfTrace(Map.of("source", "Test.tla"), List.of("N"), new ArrayList<>(s0.keySet()),
                List.of(s0, s1), 1);
        Path f = dir.resolve("t.itf.json");
        ItfWriter.write(t, f);
        ItfTrace back = ItfReader.read(f);
        assertEquals(t.states(), back.states());
        assertEquals(t.vars(), back.vars());
        assertEquals(t.params(), back.params());
        assertEquals(1, back.loop());
        assertEquals("ITF", back.meta().get("format"));
        assertEquals("Test.tla", back.meta().get("source"));
    }

    @Test
    void integersAreWrittenAsBigint() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ItfWriter.write(ItfTrace.of(List.of("x"), List.of(Map.of("x", 2L))), out);
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("\"states\":[{\"#meta\":{\"index\":0},\"x\":{\"#bigint\":\"2\"}}]"), s);
    }

    @Test
    void readsPlainNumbersAndQuintOutput() {
        String quint = "{\"#meta\":{\"format\":\"ITF\",\"source\":\"bank.qnt\"},\"vars\":[\"balances\",\"n\"],"
                + "\"states\":[{\"#meta\":{\"index\":0},\"balances\":{\"#map\":[[\"alice\",{\"#bigint\":\"0\"}]]},\"n\":3}]}";
        ItfTrace t = ItfReader.read(new ByteArrayInputStream(quint.getBytes(StandardCharsets.UTF_8)), "q.itf.json");
        assertEquals(List.of(Map.of("balances", new ItfMap(Map.of("alice", 0L)), "n", 3L)), t.states());
    }

    /** ITF has no null: record fields holding null are left out on export. */
    private static Object withoutNulls(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> {
                if (x != null) {
                    out.put(k, withoutNulls(x));
                }
            });
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ItfRoundTripTest::withoutNulls).toList();
        }
        return v;
    }

    @Test
    void conformTraceExportsAndImportsBack() throws Exception {
        TraceHeader h = TraceSamples.header(3);
        List<TraceEvent> events = TraceSamples.events(3, 3, 200);
        Path nd = dir.resolve("t.ndjson");
        try (NdjsonSink sink = new NdjsonSink(nd)) {
            sink.header(h);
            events.forEach(sink::event);
        }
        Path itf = dir.resolve("t.itf.json");
        ItfWriter.exportTrace(nd, itf);
        ItfTrace generic = ItfReader.read(itf);
        assertEquals(events.size(), generic.states().size());
        assertEquals(ItfWriter.EVENT_VARS, generic.vars());
        ItfReader.ImportedTrace back = ItfReader.importTrace(itf);
        assertEquals(h, back.header());
        assertEquals(events.size(), back.events().size());
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            TraceEvent expected = new TraceEvent(e.seq(), e.node(), e.kind(), e.action(), e.msg(),
                    withoutNulls(e.state()), e.lamport(), e.vc());
            assertEquals(expected, back.events().get(i), "event " + i);
        }
        // in-memory export matches the file export
        ByteArrayOutputStream mem = new ByteArrayOutputStream();
        Iterator<TraceEvent> it = events.iterator();
        ItfWriter.exportTrace(h, () -> it.hasNext() ? it.next() : null, mem);
        assertEquals(Files.readString(itf), mem.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsMalformedItfWithPositions() {
        assertItfError("{\"vars\":[\"x\"],\"states\":[{\"x\":{\"#bigint\":\"12a\"}}]}", 1, 41, "is not an integer");
        assertItfError("{\"vars\":[\"x\"],\"states\":[{\"x\":null}]}", 1, 30, "ITF has no null value");
        assertItfError("{\"vars\":[\"x\"],\n\"states\":[{\"x\":{\"#set\":[1,1]}}]}", 2, 27, "duplicate elements");
        assertItfError("{\"vars\":[\"x\"],\"states\":[{\"x\":{\"#tup\":[],\"y\":1}}]}", 1, 41, "must be the only field");
        assertItfError("{\"vars\":[\"x\"],\"states\":[{\"x\":", 1, 30, "invalid JSON");
        assertItfError("{\"states\":[]}", 1, 13, "missing \"vars\"");
        assertItfError("", 1, 1, "empty ITF file");
    }

    private static void assertItfError(String text, long line, int col, String fragment) {
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> ItfReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.itf.json"));
        assertTrue(e.reason().contains(fragment), e.getMessage());
        assertEquals("x.itf.json:" + line + ":" + col, e.file() + ":" + e.line() + ":" + e.column(), e.getMessage());
    }

    @Test
    void importRejectsForeignItf() {
        String t = "{\"vars\":[\"x\"],\"states\":[]}";
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> ItfReader.importTrace(new ByteArrayInputStream(t.getBytes(StandardCharsets.UTF_8)), "f.itf.json"));
        assertTrue(e.getMessage().startsWith("f.itf.json:1:1: not a conform trace"), e.getMessage());
    }
}
