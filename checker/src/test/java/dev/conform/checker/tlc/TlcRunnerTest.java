package dev.conform.checker.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.value.TlaValue;
import dev.conform.checker.value.TlaValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs real TLC on the small specs in src/test/resources/tlc. */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TlcRunnerTest {
    private final TlcRunner runner = new TlcRunner();

    @TempDir
    Path work;

    private TlcResult run(String spec) {
        return runner.run(TlcRequest.builder(Fixtures.spec(spec)).workDir(work).build());
    }

    @Test
    void cleanRunIsOkWithExactStatistics() {
        TlcResult r = run("ok/Counter.tla");
        assertEquals(Verdict.OK, r.verdict(), r.message());
        assertEquals(new TlcStatistics(6L, 11L, 0L, 6L), r.statistics());
        assertEquals(0, r.exitCode());
        assertTrue(r.tlcVersion().startsWith("TLC2 Version 2.18"), r.tlcVersion());
        assertNull(r.counterexample());
        assertTrue(r.commandLine().containsAll(List.of("tlc2.TLC", "-tool", "-metadir", "-workers", "1")));
        assertEquals(Fixtures.spec("ok/Counter.tla").toString(), r.commandLine().get(r.commandLine().size() - 1));
    }

    @Test
    void runLeavesNoScratchFilesBehind() throws Exception {
        run("ok/Counter.tla");
        try (var files = Files.list(work)) {
            assertEquals(List.of(), files.toList());
        }
        try (var files = Files.list(Fixtures.spec("ok/Counter.tla").getParent())) {
            assertEquals(2, files.count(), "TLC must not write into the spec folder");
        }
    }

    @Test
    void invariantViolationHasParsedMultiStepCounterexample() {
        TlcResult r = run("inv/Ledger.tla");
        assertEquals(Verdict.INVARIANT_VIOLATED, r.verdict(), r.message());
        assertEquals("Small", r.violatedName());
        assertEquals(12, r.exitCode());
        Counterexample cex = r.counterexample();
        assertEquals(4, cex.states().size());
        assertEquals(Counterexample.Loop.NONE, cex.loop());
        TlcState first = cex.states().get(0);
        assertEquals("Initial predicate", first.action());
        assertNull(first.location());
        TlcState last = cex.states().get(3);
        assertEquals(4, last.number());
        assertEquals("Step", last.action());
        assertEquals(8, last.location().line());
        assertTrue(last.location().file().endsWith("Ledger.tla"), last.location().toString());
        assertEquals(TlaValue.Int.of(3), last.variables().get("n"));
        TlaValue.Record meta = (TlaValue.Record) last.variables().get("meta");
        assertEquals(new TlaValue.Str("a\"b\\c"), meta.fields().get("owner"));
        assertEquals(TlaValue.Int.of(-4), meta.fields().get("balance"));
        assertEquals(TlaValues.parse("{0, 1, 2}"), meta.fields().get("tags"));
        assertEquals(new TlaValue.Bool(true), meta.fields().get("ok"));
        TlaValue.Tuple log = (TlaValue.Tuple) last.variables().get("log");
        assertEquals(TlaValues.parse("[i |-> 2, s |-> {-2, 2}]"), log.elements().get(2));
        for (TlcState s : cex.states()) {
            assertNull(s.parseError());
            assertEquals(printedVariables(s.text()), reprinted(s.variables()), "state " + s.number());
        }
    }

    /** TLC's own lines "/\ v = value" of a state, without the header. */
    private static String printedVariables(String text) {
        return text.substring(text.indexOf('\n') + 1).strip();
    }

    private static String reprinted(Map<String, TlaValue> vars) {
        StringBuilder b = new StringBuilder();
        vars.forEach((k, v) -> b.append(b.length() == 0 ? "" : "\n").append("/\\ ").append(k).append(" = ")
                .append(v.toTla()));
        return b.toString();
    }

    @Test
    void deadlockIsReportedWithTrace() {
        TlcResult r = run("deadlock/Stop.tla");
        assertEquals(Verdict.DEADLOCK, r.verdict(), r.message());
        assertEquals(11, r.exitCode());
        assertEquals(3, r.counterexample().states().size());
        assertEquals(Map.of("x", TlaValue.Int.of(2)), r.counterexample().states().get(2).variables());
    }

    @Test
    void temporalViolationEndsInLoopBackToState() {
        TlcResult r = run("live/Cycle.tla");
        assertEquals(Verdict.PROPERTY_VIOLATED, r.verdict(), r.message());
        assertEquals("Settles", r.violatedName());
        assertEquals(13, r.exitCode());
        Counterexample cex = r.counterexample();
        assertEquals(Counterexample.Loop.BACK_TO_STATE, cex.loop());
        assertEquals(1, cex.loopTo());
        assertEquals("Next", cex.loopAction());
        assertEquals(3, cex.states().size());
    }

    @Test
    void temporalViolationCanEndInStuttering() {
        TlcResult r = run("live/Stall.tla");
        assertEquals(Verdict.PROPERTY_VIOLATED, r.verdict(), r.message());
        assertEquals("Reaches", r.violatedName());
        Counterexample cex = r.counterexample();
        assertEquals(Counterexample.Loop.STUTTERING, cex.loop());
        assertEquals(cex.states().size(), cex.loopTo(), "stuttering repeats the last state");
        TlaValue last = cex.states().get(cex.states().size() - 1).variables().get("x");
        assertTrue(last.equals(TlaValue.Int.of(0)) || last.equals(TlaValue.Int.of(1)), last.toTla());
    }

    @Test
    void parseErrorNamesFileLineAndColumn() {
        TlcResult r = run("parse/Broken.tla");
        assertEquals(Verdict.PARSE_ERROR, r.verdict(), r.message());
        assertEquals(150, r.exitCode());
        assertEquals(Fixtures.spec("parse/Broken.tla").toString(), r.location().file());
        assertEquals(4, r.location().line());
        assertEquals(9, r.location().column());
        assertTrue(r.message().contains("Encountered"), r.message());
    }

    @Test
    void missingModuleIsNamed() {
        TlcResult r = run("missing/NeedsLib.tla");
        assertEquals(Verdict.PARSE_ERROR, r.verdict(), r.message());
        assertEquals("Helpers", r.missingModule());
        assertTrue(r.message().contains("Helpers"), r.message());
    }

    @Test
    void libraryPathProvidesModules() {
        Path lib = Fixtures.spec("withlib/lib");
        TlcResult r = runner.run(TlcRequest.builder(Fixtures.spec("withlib/spec/NeedsLib.tla"))
                .libraryPath(lib).workDir(work).build());
        assertEquals(Verdict.OK, r.verdict(), r.message());
        assertTrue(r.commandLine().contains("-DTLA-Library=" + lib), r.commandLine().toString());
    }

    @Test
    void undefinedConfigNameIsSemanticError() {
        TlcResult r = run("config/Configured.tla");
        assertEquals(Verdict.SEMANTIC_ERROR, r.verdict(), r.message());
        assertEquals(151, r.exitCode());
        assertTrue(r.message().contains("NoSuchInvariant"), r.message());
    }

    @Test
    void evaluationErrorNamesInvariant() {
        TlcResult r = run("eval/Oops.tla");
        assertEquals(Verdict.EVALUATION_ERROR, r.verdict(), r.message());
        assertEquals("Bad", r.violatedName());
        assertNotNull(r.counterexample());
        assertNotNull(r.location(), r.message());
        assertTrue(r.location().toString().matches(".*Oops\\.tla:6:\\d+"), r.location().toString());
    }

    /** TLC 2.18 gives no position for a division by zero: the invariant's definition is named instead. */
    @Test
    void evaluationErrorWithoutAPositionNamesTheDefinition() {
        TlcResult r = run("eval/DivZero.tla");
        assertEquals(Verdict.EVALUATION_ERROR, r.verdict(), r.message());
        assertEquals("Quotient", r.violatedName());
        assertNotNull(r.location(), r.message());
        assertTrue(r.location().toString().endsWith("DivZero.tla:6:3"), r.location().toString());
        assertTrue(r.message().contains("at the definition of Quotient"), r.message());
    }

    @Test
    void timeoutKillsTlcAndIsNeverOk() {
        Path spec = Fixtures.spec("slow/Endless.tla");
        TlcResult r = runner.run(TlcRequest.builder(spec).workDir(work).timeout(Duration.ofMillis(1500)).build());
        assertEquals(Verdict.TIMEOUT, r.verdict(), r.message());
        assertNull(r.exitCode());
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                .map(c -> c.contains(spec.toString())).orElse(false)), "a TLC process survived the timeout");
    }

    @Test
    void missingConfigIsBadInput() {
        Path spec = Fixtures.spec("ok/Counter.tla");
        TlcInputException e = org.junit.jupiter.api.Assertions.assertThrows(TlcInputException.class,
                () -> TlcRequest.builder(spec).config(spec.resolveSibling("Nope.cfg")).build());
        assertTrue(e.getMessage().contains("Nope.cfg"), e.getMessage());
    }
}
