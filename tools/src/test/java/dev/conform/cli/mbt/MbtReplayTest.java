package dev.conform.cli.mbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.value.TlaValue;
import dev.conform.checker.value.TlaValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The replay's rules on hand-written behaviours of MbtTwoPhase (coordinator 1, participants 2
 * and 3), without TLC: what it accepts, and each way a step can fail to match.
 */
class MbtReplayTest {
    private static final String PREPARES = "[type |-> \"Prepare\", from |-> 1, to |-> 2], "
            + "[type |-> \"Prepare\", from |-> 1, to |-> 3]";
    private static final String VOTE2 = "[type |-> \"Vote\", from |-> 2, to |-> 1, yes |-> TRUE]";

    /** One state: the step's label, the coordinator's state, the participants' and the messages. */
    private static Map<String, TlaValue> state(String action, int node, String msg, String tm, String prepared,
            String rm2, String rm3, String msgs) {
        return TlaValues.parseState(String.join("\n",
                "/\\ mbtStep = [action |-> \"" + action + "\", node |-> " + node + ", msg |-> " + msg + "]",
                "/\\ mbtOwed = [action |-> \"none\", node |-> 1]",
                "/\\ mbtOptions = [cooperative |-> FALSE, flaw |-> \"none\"]",
                "/\\ tmState = \"" + tm + "\"", "/\\ tmPrepared = " + prepared, "/\\ tmAcked = {}",
                "/\\ tmUp = TRUE", "/\\ rmState = (2 :> \"" + rm2 + "\" @@ 3 :> \"" + rm3 + "\")",
                "/\\ rmUp = (2 :> TRUE @@ 3 :> TRUE)", "/\\ msgs = {" + msgs + "}", "/\\ yesVotes = {}",
                "/\\ crashes = 0", "/\\ clientOutcome = <<>>"));
    }

    private static final String NONE = "[type |-> \"none\"]";

    private static List<Map<String, TlaValue>> prefix() {
        List<Map<String, TlaValue>> b = new ArrayList<>();
        b.add(state("Init", 1, NONE, "init", "{}", "working", "working", ""));
        b.add(state("TMPrepare", 1, NONE, "waiting", "{}", "working", "working", PREPARES));
        b.add(state("RMVoteYes", 2, "[type |-> \"Prepare\", from |-> 1, to |-> 2]", "waiting", "{}", "prepared",
                "working", PREPARES + ", " + VOTE2));
        return b;
    }

    private static Mismatch replay(List<Map<String, TlaValue>> b) {
        return new MbtReplay<>(new TwoPhaseMbt(), b, List.of()).run(new TreeSet<>());
    }

    @Test
    void aBehaviourTheImplementationCanTakePasses() {
        List<Map<String, TlaValue>> b = prefix();
        b.add(state("TMRcvVote", 1, VOTE2, "waiting", "{2}", "prepared", "working", PREPARES + ", " + VOTE2));
        // The same vote again: the network keeps a copy (2PC is written for duplication).
        b.add(state("TMRcvVote", 1, VOTE2, "waiting", "{2}", "prepared", "working", PREPARES + ", " + VOTE2));
        Set<String> covered = new TreeSet<>();
        assertNull(new MbtReplay<>(new TwoPhaseMbt(), b, List.of()).run(covered));
        assertEquals(Set.of("TMPrepare", "RMVoteYes", "TMRcvVote"), covered);
    }

    @Test
    void aMessageTheImplementationNeverSentIsAMismatch() {
        List<Map<String, TlaValue>> b = prefix();
        String vote3 = "[type |-> \"Vote\", from |-> 3, to |-> 1, yes |-> TRUE]";
        b.add(state("TMRcvVote", 1, vote3, "waiting", "{3}", "prepared", "working", PREPARES + ", " + VOTE2));
        Mismatch m = replay(b);
        assertEquals(3, m.step());
        assertTrue(m.problem().startsWith("the implementation never sent [type |-> \"Vote\", from |-> 3"), m.problem());
    }

    @Test
    void aDifferentRecordedStateIsAMismatch() {
        List<Map<String, TlaValue>> b = prefix();
        b.add(state("TMRcvVote", 1, VOTE2, "waiting", "{}", "prepared", "working", PREPARES + ", " + VOTE2));
        Mismatch m = replay(b);
        assertTrue(m.problem().contains("recorded {tmState=waiting, tmPrepared=[2], tmAcked=[]}"), m.problem());
    }

    @Test
    void messagesTheSpecDidNotSendAreAMismatch() {
        List<Map<String, TlaValue>> b = prefix();
        b.set(2, state("RMVoteYes", 2, "[type |-> \"Prepare\", from |-> 1, to |-> 2]", "waiting", "{}", "prepared",
                "working", PREPARES));
        Mismatch m = replay(b);
        assertEquals(2, m.step());
        assertTrue(m.problem().contains("has sent also [{from=2, to=1, type=Vote, yes=TRUE}]"), m.problem());
    }

    @Test
    void aTimerThatIsNotArmedIsAMismatch() {
        List<Map<String, TlaValue>> b = prefix();
        // RMAsk while working: the participant has no ask timer (the spec would not allow it either,
        // but the replay judges the implementation only).
        b.add(state("RMAsk", 3, NONE, "waiting", "{}", "prepared", "working", PREPARES + ", " + VOTE2));
        Mismatch m = replay(b);
        assertTrue(m.problem().startsWith("node 3 has no ask timer armed"), m.problem());
    }

    @Test
    void anActionTheSpecDidNotTakeIsAMismatch() {
        List<Map<String, TlaValue>> b = prefix();
        String vote3 = "[type |-> \"Vote\", from |-> 3, to |-> 1, yes |-> TRUE]";
        String both = PREPARES + ", " + VOTE2 + ", " + vote3;
        b.add(state("RMVoteYes", 3, "[type |-> \"Prepare\", from |-> 1, to |-> 3]", "waiting", "{}", "prepared",
                "prepared", both));
        b.add(state("TMRcvVote", 1, VOTE2, "waiting", "{2}", "prepared", "prepared", both));
        // The last yes vote: the implementation commits in the same handler; the behaviour ends
        // without TMCommit and without mbtOwed naming it.
        b.add(state("TMRcvVote", 1, vote3, "waiting", "{2, 3}", "prepared", "prepared", both));
        Mismatch m = replay(b);
        assertTrue(m.problem().startsWith("the implementation took action TMCommit at node 1, which the spec did not"),
                m.problem());
    }
}
