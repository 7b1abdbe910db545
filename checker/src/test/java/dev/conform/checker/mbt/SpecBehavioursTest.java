package dev.conform.checker.mbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.value.TlaValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading back the behaviour modules TLC 2.18 writes with {@code -simulate file=F}. */
class SpecBehavioursTest {
    /** As TLC writes it: a module header, STATE_i definitions, a closing line of '='. */
    private static final String MODULE = """
            ---------------- MODULE /tmp/out/b_0_1 -----------------
            STATE_1 ==\s
            /\\ x = 0
            /\\ s = [action |-> "Init", node |-> 1]


            STATE_2 ==\s
            /\\ x = 1
            /\\ s = [ action |-> "Inc",
              node |-> 2 ]

            =================================================
            """;

    @TempDir
    Path tmp;

    @Test
    void statesComeBackInOrder() {
        List<Map<String, TlaValue>> b = SpecBehaviours.parse("b_0_1", MODULE);
        assertEquals(2, b.size());
        assertEquals(TlaValue.Int.of(1), b.get(1).get("x"));
        assertEquals("[action |-> \"Inc\", node |-> 2]", b.get(1).get("s").toTla());
    }

    @Test
    void filesAreReadInGenerationOrder() throws Exception {
        Files.writeString(tmp.resolve("b_0_10"), MODULE.replace("x = 1", "x = 10"));
        Files.writeString(tmp.resolve("b_0_2"), MODULE.replace("x = 1", "x = 2"));
        Files.writeString(tmp.resolve("other"), "not a behaviour");
        List<List<Map<String, TlaValue>>> all = SpecBehaviours.read(tmp);
        assertEquals(2, all.size());
        assertEquals(TlaValue.Int.of(2), all.get(0).get(1).get("x"));
        assertEquals(TlaValue.Int.of(10), all.get(1).get(1).get("x"));
    }

    @Test
    void anUnreadableStateIsNamed() {
        MbtException e = assertThrows(MbtException.class,
                () -> SpecBehaviours.parse("b_0_3", MODULE.replace("x = 1", "x = ]")));
        assertTrue(e.getMessage().startsWith("b_0_3: state 2 cannot be read"), e.getMessage());
    }
}
