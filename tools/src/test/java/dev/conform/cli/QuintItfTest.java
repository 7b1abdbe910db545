package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.TraceReader;
import dev.conform.tracing.itf.ItfReader;
import dev.conform.tracing.itf.ItfTrace;
import dev.conform.tracing.itf.ItfWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ITF traces written by the real Quint CLI ({@code quint run --mbt --out-itf}) from small Quint
 * specs (a G-Counter, two-phase commit) are imported and validated by the real conform commands
 * against matching TLA+ specs; a trace with one altered state is rejected; and Quint's own ITF
 * reader reads conform's exports. One {@code quint run} per spec writes all its traces.
 */
@Tag("quint")
class QuintItfTest {
    private static final Path DIR = CliRun.resource("quint");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Quint quint;
    static List<Path> gcounter;
    static List<Path> twophase;

    @BeforeAll
    static void simulate() throws Exception {
        quint = Quint.require();
        gcounter = quint.traces(DIR.resolve("gcounter.qnt"), tmp, "gcounter", 2, 6, 7);
        twophase = quint.traces(DIR.resolve("twophase.qnt"), tmp, "twophase", 2, 8, 11);
    }

    private static CliRun validate(Path trace, String spec, String... more) {
        List<String> args = new ArrayList<>(List.of("validate", "--spec", DIR.resolve(spec).toString(),
                "--trace", trace.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void gcounterTracesConformToTheTlaSpec() throws Exception {
        for (Path t : gcounter) {
            int states = ItfReader.read(t).states().size();
            CliRun r = validate(t, "GCounter.tla");
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("CONFORMS - all " + states + " events matched"), r.out());
        }
    }

    @Test
    void twoPhaseTracesConformWithAVariableMapping() {
        for (Path t : twophase) {
            CliRun r = validate(t, "TwoPhase.tla", "--var-map", DIR.resolve("twophase.varmap").toString());
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("CONFORMS"), r.out());
        }
        // Without the mapping, Quint's rmStatus is no variable of TwoPhase: bad input, before TLC.
        CliRun r = validate(twophase.get(0), "TwoPhase.tla");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("the trace records rmStatus, which TwoPhase does not declare"), r.err());
    }

    @Test
    void aTraceWithOneAlteredStateDoesNotConform() throws Exception {
        Path lie = tmp.resolve("lie.itf.json");
        JsonNode t = JSON.readTree(twophase.get(0).toFile());
        // State 1 follows init: the manager cannot have committed without a single prepared vote.
        ((ObjectNode) t.get("states").get(1)).put("tmState", "committed");
        JSON.writeValue(lie.toFile(), t);
        CliRun r = validate(lie, "TwoPhase.tla", "--var-map", DIR.resolve("twophase.varmap").toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("diverges from the spec at event 2"), r.out());
    }

    @Test
    void importMapsEachStateToAnActionEvent() throws Exception {
        Path t = twophase.get(1);
        Path nd = tmp.resolve("twophase_1.ndjson");
        CliRun r = CliRun.of("itf", "import", t.toString(), "-o", nd.toString(), "--var-map",
                DIR.resolve("twophase.varmap").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode states = JSON.readTree(t.toFile()).get("states");
        try (TraceReader in = TraceReader.open(nd)) {
            assertEquals("itf-states", in.header().algorithm());
            for (JsonNode s : states) {
                TraceEvent e = in.next();
                assertEquals(s.get("mbt::actionTaken").asText(), e.action());
                assertEquals(s.get("#meta").get("index").asLong() + 1, e.seq());
                JsonNode recorded = JSON.valueToTree(e.state());
                assertEquals(s.get("tmState"), recorded.get("tmState"));
                assertEquals(s.get("rmStatus").get("#map").size(), recorded.get("rmState").get("#map").size());
            }
            assertEquals(null, in.next());
        }
    }

    @Test
    void quintsItfReaderReadsConformsExportsAndRewrites() throws Exception {
        Path script = DIR.resolve("quint-itf-reader.js");
        // A conform trace exported as ITF: Quint reads every state and writes it back unchanged.
        Path export = tmp.resolve("good-commit.itf.json");
        CliRun r = CliRun.of("itf", "export", "../specs/twopc/traces/good-commit.ndjson", "-o", export.toString());
        assertEquals(0, r.exit(), r.err());
        String out = quint.readItf(script, export.toString());
        assertTrue(out.contains("read " + ItfReader.read(export).states().size() + " states"), out);
        // The export validates against the trace spec like the original.
        CliRun v = CliRun.of("validate", "--spec", "../specs/twopc/TraceTwoPhase.tla", "--trace", export.toString(),
                "--tlc-only");
        assertEquals(0, v.exit(), v.out() + v.err());
        // A Quint trace read and written again by conform is the same trace to Quint.
        Path rewritten = tmp.resolve("gcounter-rewritten.itf.json");
        ItfTrace q = ItfReader.read(gcounter.get(0));
        ItfWriter.write(q, rewritten);
        out = quint.readItf(script, "--same", gcounter.get(0).toString(), rewritten.toString());
        assertTrue(out.contains("same values"), out);
        assertTrue(Files.size(rewritten) > 0);
    }
}
