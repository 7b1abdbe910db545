package dev.conform.checker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conform.checker.tlc.SanyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variable names read by SANY across EXTENDS, past comments and strings, standard modules skipped. */
class SpecVariablesTest {
    @Test
    void variablesOfTheModuleAndWhatItExtends(@TempDir Path dir, @TempDir Path lib) throws Exception {
        Files.writeString(dir.resolve("Algo.tla"), """
                ---- MODULE Algo ----
                EXTENDS Naturals, Sequences
                (* VARIABLE notAVariable *)
                VARIABLES
                    x,      \\* the x
                    y
                VARIABLE z
                Op == "VARIABLE s"
                ====
                VARIABLE afterTheEnd
                """);
        Files.writeString(lib.resolve("Lib.tla"), "---- MODULE Lib ----\nVARIABLE l\n====\n");
        Files.writeString(dir.resolve("TraceAlgo.tla"), """
                ---- MODULE TraceAlgo ----
                EXTENDS Algo, Lib, TLC
                ====
                """);
        assertEquals(List.of("x", "y", "z", "l"),
                SpecVariables.of(SanyParser.parse(dir.resolve("TraceAlgo.tla"), List.of(dir, lib))));
    }

    @Test
    void theRaftTraceSpecHasTheAlgorithmsVariablesTheStepCounterAndItsOwn() throws Exception {
        Path specs = Path.of("../specs");
        List<String> v = SpecVariables.of(SanyParser.parse(specs.resolve("raft/TraceRaft.tla"),
                List.of(specs.resolve("raft"), specs.resolve("lib"))));
        assertEquals(List.of("currentTerm", "votedFor", "log", "snapshotIndex", "snapshotTerm", "snapshotData", "role",
                "commitIndex", "votesGranted", "nextIndex", "matchIndex", "messages", "l", "net", "shipped", "applied", "kv",
                "owed"), v);
    }
}
