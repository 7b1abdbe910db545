package dev.conform.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioScriptTest {
    private static final String TEXT = """
            # a comment
            nodes 3 electionMin=10
            ----
            line one
            line two

            # between blocks
            partition {1} {2, 3}
            ----

            state
            ----
            x
            """;

    @Test
    void parsesBlocksWithLinesWordsAndExpectedOutput() {
        ScenarioScript s = ScenarioScript.parse("t.txt", TEXT);
        assertEquals(3, s.blocks().size());
        ScenarioScript.Block first = s.blocks().get(0);
        assertEquals(2, first.line());
        assertEquals(List.of("line one", "line two"), first.expected());
        ScenarioScript.Block second = s.blocks().get(1);
        assertEquals(8, second.line());
        assertEquals(List.of(), second.expected());
        assertEquals(List.of("partition", "{1}", "{2, 3}"), second.words().stream().map(Token::text).toList());
        assertEquals(15, second.words().get(2).column());
    }

    @Test
    void renderWithTheExpectedOutputsGivesTheFileBack() {
        ScenarioScript s = ScenarioScript.parse("t.txt", TEXT);
        List<List<String>> same = s.blocks().stream().map(ScenarioScript.Block::expected).toList();
        assertEquals(TEXT, s.render(same));
    }

    @Test
    void renderKeepsCommentsAndReplacesOutputs() {
        ScenarioScript s = ScenarioScript.parse("t.txt", TEXT);
        String out = s.render(List.of(List.of("new"), List.of("p"), List.of()));
        assertEquals("""
                # a comment
                nodes 3 electionMin=10
                ----
                new

                # between blocks
                partition {1} {2, 3}
                ----
                p

                state
                ----
                """, out);
    }

    @Test
    void missingSeparatorNamesFileAndLine() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioScript.parse("f.txt", "# c\nnodes 3\nstate\n----\n"));
        assertEquals("f.txt:3:1: expected '----' after the command 'nodes 3'", e.getMessage());
    }

    @Test
    void separatorWithoutCommandIsAnError() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioScript.parse("f.txt", "\n----\n"));
        assertEquals("f.txt:2:1: '----' without a command before it", e.getMessage());
    }

    @Test
    void unbalancedBracketNamesTheColumn() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioScript.parse("f.txt", "partition {1 {2}\n----\n"));
        assertEquals("f.txt:1:11: unclosed bracket in '{1 {2}'", e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ScenarioScript.parse("f.txt", "drop 1]\n----\n"));
        assertEquals("f.txt:1:7: unbalanced ']'", e.getMessage());
    }

    @Test
    void lineDiffMarksRemovedAndAddedLines() {
        assertEquals(List.of("  a", "- b", "+ B", "  c", "+ d"),
                Transcript.lineDiff(List.of("a", "b", "c"), List.of("a", "B", "c", "d")));
    }
}
