package dev.conform.checker.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SANY in this JVM: modules found where they are told to be, errors positioned as a TLC run
 * positions them, nothing printed, and parses from several threads kept apart.
 */
class SanyParserTest {
    static final Path SPECS = Path.of("../specs");

    static TlaParseException reject(Path root, Path... folders) {
        return assertThrows(TlaParseException.class, () -> SanyParser.parse(root, List.of(folders)));
    }

    @Test
    void aSpecItsLibraryAndTheStandardModules() throws Exception {
        ParsedSpec p = SanyParser.parse(SPECS.resolve("raft/TraceRaft.tla"),
                List.of(SPECS.resolve("raft"), SPECS.resolve("lib")));
        assertEquals("TraceRaft", p.moduleName());
        assertEquals("TraceRaft", p.modules().get(p.modules().size() - 1));
        assertTrue(p.modules().indexOf("Raft") < p.modules().indexOf("TraceRaft"), p.modules().toString());
        assertEquals(SPECS.resolve("lib/TraceSeq.tla").toAbsolutePath().normalize(), p.file("TraceSeq"));
        assertTrue(Files.isRegularFile(p.file("Naturals")));
    }

    @Test
    void foldersAreSearchedInOrder(@TempDir Path a, @TempDir Path b) throws Exception {
        Files.writeString(a.resolve("Root.tla"), "---- MODULE Root ----\nEXTENDS Lib\nX == Which\n====\n");
        Files.writeString(a.resolve("Lib.tla"), "---- MODULE Lib ----\nWhich == \"a\"\n====\n");
        Files.writeString(b.resolve("Lib.tla"), "---- MODULE Lib ----\nWhich == \"b\"\n====\n");
        assertEquals(b.resolve("Lib.tla"), SanyParser.parse(a.resolve("Root.tla"), List.of(b, a)).file("Lib"));
        assertEquals(a.resolve("Lib.tla"), SanyParser.parse(a.resolve("Root.tla"), List.of(a, b)).file("Lib"));
    }

    @Test
    void aSyntaxErrorNamesFileLineAndColumn() {
        Path broken = Fixtures.spec("parse/Broken.tla");
        TlaParseException e = reject(broken, broken.getParent());
        assertEquals(Verdict.PARSE_ERROR, e.kind());
        assertEquals(broken.toAbsolutePath().normalize().toString(), e.location().file());
        assertEquals(4, e.location().line());
        assertTrue(e.getMessage().startsWith(broken.toAbsolutePath().normalize() + ":4:"), e.getMessage());
    }

    @Test
    void aSyntaxErrorInAnExtendedModuleNamesThatModulesFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Root.tla"), "---- MODULE Root ----\nEXTENDS Lib\n====\n");
        Files.writeString(dir.resolve("Lib.tla"), "---- MODULE Lib ----\nA == 1 +\n====\n");
        TlaParseException e = reject(dir.resolve("Root.tla"), dir);
        assertEquals(dir.resolve("Lib.tla").toString(), e.location().file());
        assertEquals(3, e.location().line());
    }

    @Test
    void aSemanticErrorIsPositioned(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Sem.tla"), "---- MODULE Sem ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = y\n====\n");
        TlaParseException e = reject(dir.resolve("Sem.tla"), dir);
        assertEquals(Verdict.SEMANTIC_ERROR, e.kind());
        assertEquals(dir.resolve("Sem.tla") + ":4:13: Unknown operator: `y'.", e.getMessage());
    }

    @Test
    void aMissingModuleIsNamed() {
        Path needs = Fixtures.spec("missing/NeedsLib.tla");
        TlaParseException e = reject(needs, needs.getParent());
        assertEquals("Helpers", e.missingModule());
        assertTrue(e.getMessage().contains("module Helpers not found"), e.getMessage());
    }

    @Test
    void aFileWithoutAModuleIsRejectedAtItsStart(@TempDir Path dir) throws Exception {
        Path none = Files.writeString(dir.resolve("None.tla"), "no module here\n");
        TlaParseException e = reject(none, dir);
        assertTrue(e.getMessage().startsWith(none + ":1:1: "), e.getMessage());
        Path other = Files.writeString(dir.resolve("Other.tla"), "---- MODULE Named ----\n====\n");
        assertTrue(reject(other, dir).getMessage().contains("does not match"), "a module named unlike its file");
    }

    @Test
    void nothingReachesStdoutOrStderr(@TempDir Path dir) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true)) {
            System.setOut(capture);
            System.setErr(capture);
            SanyParser.parse(Fixtures.spec("ok/Counter.tla"), List.of(Fixtures.spec("ok/Counter.tla").getParent()));
            Files.writeString(dir.resolve("Sem.tla"), "---- MODULE Sem ----\nInit == y\n====\n");
            reject(dir.resolve("Sem.tla"), dir);
            reject(Fixtures.spec("parse/Broken.tla"), Fixtures.spec("parse/Broken.tla").getParent());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", printed.toString());
    }

    @Test
    void parsesFromSeveralThreadsDoNotMix(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Sem.tla"), "---- MODULE Sem ----\nInit == y\n====\n");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                boolean good = i % 2 == 0;
                results.add(pool.submit(() -> {
                    if (good) {
                        return SanyParser.parse(SPECS.resolve("raft/TraceRaft.tla"),
                                List.of(SPECS.resolve("raft"), SPECS.resolve("lib"))).moduleName();
                    }
                    return reject(dir.resolve("Sem.tla"), dir).location().toString();
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 2 == 0 ? "TraceRaft" : dir.resolve("Sem.tla") + ":2:9", results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingRootFileIsNamed(@TempDir Path dir) {
        TlaParseException e = reject(dir.resolve("Gone.tla"), dir);
        assertEquals(dir.resolve("Gone.tla") + ": no such module file", e.getMessage());
    }

    @Test
    void aGoodSpecHasNoMissingModule() throws Exception {
        ParsedSpec p = SanyParser.parse(Fixtures.spec("ok/Counter.tla"), List.of());
        assertNull(p.file("Helpers"));
    }
}
