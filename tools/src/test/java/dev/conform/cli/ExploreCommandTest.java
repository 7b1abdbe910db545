package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conform explore}: finds a planted Raft flaw, shrinks it, and the printed replay reproduces it. */
class ExploreCommandTest {

    @TempDir
    Path out;

    @Test
    void findsShrinksAndReplaysAFlaw() throws Exception {
        Path reports = out.resolve("reports");
        CliRun r = CliRun.of("explore", "raft", "--seeds", "30", "--flaw", "VoteTwice", "--out", out.toString(),
                "--report", reports.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        // The minimal run's report, named like its trace, opens on the invariant the run broke.
        String check = r.out().lines().filter(l -> l.startsWith("check:")).findFirst().orElseThrow();
        String minimal = Path.of(check.substring(check.indexOf("--trace ") + "--trace ".length())).getFileName()
                .toString().replace(".ndjson", ".html");
        assertTrue(r.out().contains("report:  " + reports.resolve(minimal)), r.out());
        String page = Files.readString(reports.resolve(minimal));
        assertTrue(page.contains("\"status\":\"does_not_conform\"") && page.contains("HandleRequestVote"), "the verdict is in the page");
        // The second vote in one term is a step the spec does not allow: the replay rejects it where it happens.
        assertTrue(r.out().contains("cannot happen: HandleRequestVote at server"), r.out());
        String replay = r.out().lines().filter(l -> l.startsWith("replay:")).findFirst().orElseThrow();
        String shrunk = r.out().lines().filter(l -> l.startsWith("shrunk in")).findFirst().orElseThrow();
        // A plan shrunk to no fault at all needs no --plan to replay.
        assertTrue(replay.contains("--flaw VoteTwice") && (replay.contains("--plan ") || shrunk.contains("-> 0 fault events")),
                replay);
        // "shrunk in R runs: A -> B fault events, S -> T steps": the minimal run is no bigger.
        String[] w = shrunk.split("[ :,]+");
        assertTrue(Integer.parseInt(w[6]) <= Integer.parseInt(w[4]) && Long.parseLong(w[11]) < Long.parseLong(w[9]), shrunk);

        // The printed command reruns the minimal case, and its trace fails the Java invariants again.
        List<String> args = new ArrayList<>(Arrays.asList(replay.substring("replay:".length()).trim().split(" ")));
        args.remove(0); // "conform"
        Path trace = out.resolve("replayed.ndjson");
        args.set(args.indexOf("--out") + 1, trace.toString());
        assertEquals(0, CliRun.of(args.toArray(String[]::new)).exit());
        CliRun v = CliRun.of("validate", "--java-only", "--trace", trace.toString());
        assertEquals(1, v.exit(), v.out() + v.err());
        assertTrue(v.out().contains("cannot happen: HandleRequestVote at server"), v.out());
        if (args.contains("--plan")) {
            assertTrue(Files.isRegularFile(Path.of(args.get(args.indexOf("--plan") + 1))));
        }
    }

    @Test
    void passesWithoutAFlaw() {
        CliRun r = CliRun.of("explore", "raft", "--seeds", "4", "--out", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("4 seeds (1..4), no failure"), r.out());
    }

    @Test
    void aVariantNeedsAGateJsonThatListsIt() {
        // The tests run outside the repository's root: no specs/raft/gate.json to take variants from.
        CliRun r = CliRun.of("explore", "raft", "--variant", "snapshots", "--out", out.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--variant snapshots: raft has no gate.json"), r.err());
    }

    @Test
    void unknownFlawIsUsageError() {
        CliRun r = CliRun.of("explore", "raft", "--flaw", "Nope", "--out", out.toString());
        assertEquals(2, r.exit());
    }
}
