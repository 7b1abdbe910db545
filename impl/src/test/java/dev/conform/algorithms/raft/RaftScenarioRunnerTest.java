package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.scenario.ScenarioException;
import dev.conform.runtime.scenario.ScenarioRunner;
import dev.conform.runtime.scenario.ScenarioScript;
import dev.conform.runtime.scenario.Transcript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenario runner's errors, mismatch reporting and determinism, with Raft as the algorithm. */
class RaftScenarioRunnerTest {
    private static Transcript run(String text) {
        return new ScenarioRunner<>(new RaftScenarioInspector()).run(ScenarioScript.parse("s.txt", text));
    }

    private static String error(String text) {
        return assertThrows(ScenarioException.class, () -> run(text)).getMessage();
    }

    private static final String ELECT = """
            nodes 3 electionMin=10 electionMax=20 heartbeat=5
            ----

            campaign 2
            ----

            deliver-all
            ----

            assert leader 2
            ----
            """;

    @Test
    void theSameScriptGivesTheSameTranscript() {
        Transcript a = run(ELECT);
        Transcript b = run(ELECT);
        assertEquals(a.outputs(), b.outputs());
        assertEquals(List.of("ok"), a.outputs().get(3));
        assertEquals(List.of("t=0 2 fires election", "    2: Timeout"), a.outputs().get(1));
    }

    @Test
    void aChangedOutputIsReportedAsALineDiffWithFileAndLine() {
        String golden = run(ELECT).rendered();
        assertTrue(run(golden).matches());
        Transcript t = run(golden.replace("    2: Timeout\n", "    2: Nothing\n"));
        assertFalse(t.matches());
        assertEquals("""
                s.txt:7: campaign 2
                      t=0 2 fires election
                    -     2: Nothing
                    +     2: Timeout
                """, t.diff());
        Transcript again = run(t.rendered());
        assertTrue(again.matches(), again.diff());
    }

    @Test
    void aFailedAssertionStopsTheRunWithFileAndLine() {
        assertEquals("s.txt:10:1: assertion failed: assert leader 1: leaders are [2]",
                error(ELECT.replace("assert leader 2", "assert leader 1")));
        assertEquals("s.txt:10:1: assertion failed: assert leader 2: leaders are []",
                error(ELECT.replace("deliver-all", "pending")));
    }

    @Test
    void malformedCommandsNameTheColumn() {
        assertEquals("s.txt:1:1: the first command must be 'nodes N'", error("state\n----\n"));
        assertEquals("s.txt:4:1: unknown command 'frob'", error("nodes 3\n----\n\nfrob 1\n----\n"));
        assertEquals("s.txt:4:10: no server 7 (servers are 1..3)", error("nodes 3\n----\n\ncampaign 7\n----\n"));
        assertEquals("s.txt:4:6: expected an integer, got 'x'", error("nodes 3\n----\n\ntick x\n----\n"));
        assertEquals("s.txt:4:9: expected FROM->TO (e.g. 1->2, *->3), got '1-2'",
                error("nodes 3\n----\n\ndeliver 1-2\n----\n"));
        assertEquals("s.txt:4:1: no server to send 'put' to; name one with @N",
                error("nodes 3\n----\n\nput x 1\n----\n"));
        assertEquals("s.txt:4:8: usage: assert term N [on all|ID|{IDS}]",
                error("nodes 3\n----\n\nassert term 1 at 2\n----\n"));
        assertEquals("s.txt:1:9: expected key=value, got 'fast'", error("nodes 3 fast\n----\n"));
        assertEquals("s.txt:4:6: 'heal' takes 0 arguments, got 1", error("nodes 3\n----\n\nheal now\n----\n"));
    }

    @Test
    void aRequestSentToSeveralServersAndResentKeepsItsNumber() {
        Transcript t = run("nodes 3\n----\n\nput x 1 @1,3\n----\n\nresend @2\n----\n");
        assertEquals(List.of("101->1 ClientRequest seq=1 put x 1", "    1: RedirectClient",
                "101->3 ClientRequest seq=1 put x 1", "    3: RedirectClient"), t.outputs().get(1));
        assertEquals(List.of("101->2 ClientRequest seq=1 put x 1", "    2: RedirectClient"), t.outputs().get(2));
        assertEquals("s.txt:4:1: no client request to resend", error("nodes 3\n----\n\nresend @1\n----\n"));
        assertEquals("s.txt:4:12: no server 9 (servers are 1..3)", error("nodes 3\n----\n\nput x 1 @1,9\n----\n"));
    }

    @Test
    void firingALeadersElectionTimerIsRefused() {
        assertEquals("s.txt:13:10: node 2 has no armed timer 'election'",
                error(ELECT + "\ncampaign 2\n----\n"));
    }

    @Test
    void unknownFlawIsReportedAtTheNodesCommand() {
        assertTrue(error("nodes 3 flaw=Nope\n----\n").startsWith("s.txt:1:7: unknown raft flaw 'Nope'"));
    }
}
