package dev.conform.checker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conform.checker.validate.TraceSpecSource.ActionShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IsX operators SANY finds in a trace spec and their conjuncts: which definitions count, how
 * a bulleted list is split, and that the text keeps its columns (tabs included) so that a prefix
 * pasted into a generated module is the same list.
 */
class TraceSpecSourceTest {
    static final Path DIR = Path.of("src/test/resources/specs/pingcounter");

    static TraceSpecSource read(Path dir, String module, String text) throws Exception {
        Path file = Files.writeString(dir.resolve(module + ".tla"), text);
        return TraceSpecSource.read(file, List.of(dir));
    }

    static ActionShape action(TraceSpecSource s, String name) {
        return s.actions().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void thePingCounterTraceSpec() throws Exception {
        TraceSpecSource s = TraceSpecSource.read(DIR.resolve("TracePingCounter.tla"),
                List.of(DIR, Path.of("../specs/lib")));
        assertEquals("TracePingCounter", s.moduleName());
        assertEquals(List.of("count", "chan", "l"), s.variables());
        assertEquals(List.of("IsInc", "IsSend", "IsDeliver", "IsDrop"), s.actions().stream().map(ActionShape::name).toList());
        ActionShape send = action(s, "IsSend");
        assertEquals("e", send.param());
        assertEquals(6, send.conjuncts().size());
        assertEquals("/\\ e.msg.body.val = count[e.node]", send.conjunctText(4));
        assertEquals(List.of("    /\\ IsKind(e, \"send\")", "    /\\ e.msg.from = e.node"), send.prefix(2));
    }

    @Test
    void onlyOneParameterNonLocalIsOperatorsOfTheModuleItselfCount(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Base.tla"), """
                ---- MODULE Base ----
                EXTENDS Naturals
                VARIABLE x
                IsInherited(e) == x' = e
                ====
                """);
        TraceSpecSource s = read(dir, "Trace", """
                ---- MODULE Trace ----
                EXTENDS Base
                IsTwo(e, f) == x' = e + f
                LOCAL IsHidden(e) == x' = e
                Is == 1
                IsHigher(F(_)) == F(x)
                \\* IsComment(e) == x' = e
                  IsIndented(e) == x' = e
                Helper(e) == x' = e
                IsLast(e) == "IsNot(e) == x' = e" = "" /\\ x' = e
                ====
                IsAfterTheEnd(e) == x' = e
                """);
        assertEquals(List.of("IsIndented", "IsLast"), s.actions().stream().map(ActionShape::name).toList());
        assertEquals(List.of("x"), s.variables());
    }

    @Test
    void aBodyThatIsNotABulletedListIsOneConjunct(@TempDir Path dir) throws Exception {
        TraceSpecSource s = read(dir, "Trace", """
                ---- MODULE Trace ----
                EXTENDS Naturals
                VARIABLE x
                IsInfix(e) == x' = e /\\ e > 0
                IsLet(e) ==
                    LET y == e + 1
                    IN /\\ x' = y
                       /\\ y > 1
                IsOr(e) ==
                    \\/ x' = e
                    \\/ x' = e + 1
                ====
                """);
        assertEquals(List.of(List.of("              x' = e /\\ e > 0")), action(s, "IsInfix").conjuncts());
        assertEquals(1, action(s, "IsLet").conjuncts().size());
        assertEquals("LET y == e + 1 IN /\\ x' = y /\\ y > 1", action(s, "IsLet").conjunctText(1));
        assertEquals("\\/ x' = e \\/ x' = e + 1", action(s, "IsOr").conjunctText(1));
    }

    @Test
    void conjunctsSpanLinesAndSkipCommentsAroundThem(@TempDir Path dir) throws Exception {
        TraceSpecSource s = read(dir, "Trace", """
                ---- MODULE Trace ----
                EXTENDS Naturals
                VARIABLE x
                IsStep(e) == /\\ e > 0   \\* positive
                             \\* a comment line between two conjuncts
                             /\\ \\/ x' = e
                                \\/ x' = e + 1 (* either *)
                             /\\ x' < 10

                \\* a comment after the definition
                Other == 1
                ====
                """);
        ActionShape a = action(s, "IsStep");
        assertEquals(3, a.conjuncts().size());
        assertEquals("/\\ e > 0", a.conjunctText(1));
        assertEquals("/\\ \\/ x' = e \\/ x' = e + 1", a.conjunctText(2));
        assertEquals(List.of(
                "             /\\ e > 0",
                "             /\\ \\/ x' = e",
                "                \\/ x' = e + 1"), a.prefix(2));
    }

    @Test
    void tabsKeepTheirColumns(@TempDir Path dir) throws Exception {
        // SANY puts a tab's next character at the next multiple of 8, plus 1.
        TraceSpecSource s = read(dir, "Trace", "---- MODULE Trace ----\nEXTENDS Naturals\nVARIABLE x\n"
                + "IsTab(e) ==\n\t/\\ e > 0\n\t/\\ x' = e\n====\n");
        ActionShape a = action(s, "IsTab");
        assertEquals(2, a.conjuncts().size());
        assertEquals(List.of("\t/\\ e > 0", "\t/\\ x' = e"), a.prefix(2));
        TraceSpecSource mixed = read(dir, "Mixed", "---- MODULE Mixed ----\nEXTENDS Naturals\nVARIABLE x\n"
                + "IsMixed(e) == /\\ e > 0\n\t      /\\ x' = e\n====\n");
        assertEquals(List.of("              /\\ e > 0", "\t      /\\ x' = e"), action(mixed, "IsMixed").prefix(2));
    }

    @Test
    void columnsCountTabsToTheNextStop() {
        assertEquals(0, SourceText.index("abc", 1));
        assertEquals(2, SourceText.index("abc", 3));
        assertEquals(1, SourceText.index("\tx", 9));
        assertEquals(2, SourceText.index("a\tx", 9));
        assertEquals(3, SourceText.index("a\t\tx", 17));
        assertEquals(List.of("  cd", "ef"), SourceText.of("abcd\nefgh\n").slice(1, 3, 2, 2));
    }
}
