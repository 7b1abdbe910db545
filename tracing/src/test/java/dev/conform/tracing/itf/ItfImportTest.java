package dev.conform.tracing.itf;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.io.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItfImportTest {
    @TempDir
    Path dir;

    /** Shaped like `quint run --mbt --out-itf` output of an instantiated module. */
    private static final String QUINT = """
            {"#meta":{"format":"ITF","source":"main.qnt"},
             "vars":["main::gcounter::counts","main::round","mbt::actionTaken","mbt::nondetPicks"],
             "states":[
              {"#meta":{"index":0},"main::gcounter::counts":{"#map":[[{"#bigint":"1"},{"#bigint":"0"}]]},
               "main::round":{"#bigint":"0"},"mbt::actionTaken":"init","mbt::nondetPicks":{"r":{"tag":"None","value":{"#tup":[]}}}},
              {"#meta":{"index":1},"main::gcounter::counts":{"#map":[[{"#bigint":"1"},{"#bigint":"1"}]]},
               "main::round":{"#bigint":"99999999999999999999"},"mbt::actionTaken":"increment",
               "mbt::nondetPicks":{"r":{"tag":"Some","value":{"#bigint":"1"}}}}
             ]}
            """;

    private static ItfImport.Imported read(String text, ItfNames names) {
        return ItfImport.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "q.itf.json", names);
    }

    @Test
    void quintStatesBecomeActionEventsWithUnqualifiedNames() {
        ItfImport.Imported t = read(QUINT, ItfNames.defaults());
        assertTrue(t.isStateSequence());
        assertEquals(List.of("counts", "round"), t.variables());
        assertEquals(ItfImport.STATES_ALGORITHM, t.header().algorithm());
        assertEquals(2, t.events().size());
        TraceEvent e0 = t.events().get(0);
        assertEquals(1, e0.seq());
        assertEquals(EventKind.ACTION, e0.kind());
        assertEquals("init", e0.action());
        assertEquals(Map.of("counts", Map.of("#map", List.of(List.of(1L, 0L))), "round", 0L), e0.state());
        TraceEvent e1 = t.events().get(1);
        assertEquals("increment", e1.action());
        assertEquals(Map.of("#bigint", "99999999999999999999"), ((Map<?, ?>) e1.state()).get("round"));
    }

    @Test
    void importedStatesWriteAReadableNdjsonTrace() throws Exception {
        Path nd = dir.resolve("q.ndjson");
        read(QUINT, ItfNames.defaults()).writeNdjson(nd);
        try (TraceReader r = TraceReader.open(nd)) {
            assertEquals(ItfImport.STATES_ALGORITHM, r.header().algorithm());
            assertEquals("init", r.next().action());
            TraceEvent e1 = r.next();
            assertEquals("increment", e1.action());
            assertEquals(Map.of("#map", List.of(List.of(1L, 1L))), ((Map<?, ?>) e1.state()).get("counts"));
            assertNull(r.next());
        }
    }

    @Test
    void aMappingFileRenamesVariablesAndRejectsUnknownNames() throws Exception {
        Path map = dir.resolve("names.txt");
        Files.writeString(map, "# quint -> tla\nmain::gcounter::counts = replicaCounts\n");
        assertEquals(List.of("replicaCounts", "round"), read(QUINT, ItfNames.read(map)).variables());

        Files.writeString(map, "\nmain::gcounter::count = x\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> read(QUINT, ItfNames.read(map)));
        assertTrue(e.getMessage().startsWith(map + ":2:1: \"main::gcounter::count\" is not a variable"), e.getMessage());

        Files.writeString(map, "a = b\n  c = 1x-y\n");
        e = assertThrows(TraceFormatException.class, () -> ItfNames.read(map));
        assertTrue(e.getMessage().startsWith(map + ":2:6: \"1x-y\" is not a TLA+ identifier"), e.getMessage());
    }

    @Test
    void everyStateMustSetEveryVariable() {
        String t = "{\"vars\":[\"x\",\"y\"],\"states\":[{\"x\":1,\"y\":2},\n  {\"x\":1}]}";
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> read(t, ItfNames.defaults()));
        assertTrue(e.getMessage().startsWith("q.itf.json:2:3: state 1 does not set \"y\""), e.getMessage());
        String extra = "{\"vars\":[\"x\"],\"states\":[{\"x\":1,\"z\":2}]}";
        e = assertThrows(TraceFormatException.class, () -> read(extra, ItfNames.defaults()));
        assertTrue(e.getMessage().contains("sets \"z\", which \"vars\" does not name"), e.getMessage());
    }

    @Test
    void namesThatCollideOrAreNotIdentifiersNeedAMapping() {
        String t = "{\"vars\":[\"a::x\",\"b::x\"],\"states\":[]}";
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> read(t, ItfNames.defaults()));
        assertTrue(e.getMessage().contains("would both be x"), e.getMessage());
        String bad = "{\"vars\":[\"x-y\"],\"states\":[]}";
        e = assertThrows(TraceFormatException.class, () -> read(bad, ItfNames.defaults()));
        assertTrue(e.getMessage().contains("is not an identifier"), e.getMessage());
    }

    @Test
    void unserializableValuesAreRejectedAtTheirState() {
        String t = "{\"vars\":[\"f\"],\"states\":[{\"f\":{\"#unserializable\":\"<lambda>\"}}]}";
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> read(t, ItfNames.defaults()));
        assertTrue(e.getMessage().startsWith("q.itf.json:1:25: state 0, variable \"f\": an unserializable"), e.getMessage());
    }

    @Test
    void exportedStatesSetEveryVariable() throws Exception {
        String nd = "{\"type\":\"header\",\"schema\":1,\"algorithm\":\"x\",\"nodes\":[1,2],\"producer\":\"t\"}\n"
                + "{\"seq\":1,\"node\":2,\"kind\":\"timer\",\"action\":\"tick\"}\n"
                + "{\"seq\":2,\"node\":1,\"kind\":\"send\",\"msg\":{\"id\":1,\"from\":1,\"to\":2,\"type\":\"Ping\"},"
                + "\"lamport\":1,\"vc\":{\"1\":1}}\n";
        Path in = dir.resolve("t.ndjson");
        Files.writeString(in, nd);
        Path itf = dir.resolve("t.itf.json");
        ItfWriter.exportTrace(in, itf);
        ItfTrace generic = ItfReader.read(itf);
        for (Map<String, Object> s : generic.states()) {
            assertEquals(generic.vars(), List.copyOf(s.keySet()));
        }
        assertEquals(Map.of("tag", "None", "value", new ItfTuple(List.of())), generic.states().get(0).get("msg"));
        ItfImport.Imported back = ItfImport.read(itf, ItfNames.defaults());
        assertTrue(!back.isStateSequence());
        assertEquals(2, back.events().size());
        assertEquals("tick", back.events().get(0).action());
        assertEquals(1, back.events().get(1).lamport());
        assertEquals(-1, back.events().get(0).lamport());
    }
}
