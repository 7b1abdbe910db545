package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appends (workload option {@code appends}) as both trace checks read them: a Raft run whose
 * clients append conforms to TraceRaft.tla (KvStore.tla's append) and to the Java replay
 * (KvReplica), and the same trace with one appended value dropped from a read's answer is rejected
 * by both, and its client history is not linearizable.
 */
@Tag("tlc")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RaftAppendTraceTest {
    /** A successful reply whose value is at least two appended tokens. */
    private static final Pattern APPENDED_READ = Pattern.compile(
            "\"type\":\"ClientReply\",\"seq\":\\d+,\"ok\":true,\"value\":\"((?:c\\d+v\\d+){2,})\"");

    @TempDir
    Path dir;

    @Test
    void appendsConformAndALostAppendIsRejected() throws Exception {
        Path spec = GateSpecsFixture.REPO_SPECS.resolve("raft/TraceRaft.tla");
        Path lib = GateSpecsFixture.REPO_SPECS.resolve("lib");
        Path trace = null;
        Matcher read = null;
        for (int seed = 1; seed <= 20 && read == null; seed++) {
            trace = dir.resolve("seed-" + seed + ".ndjson");
            CliRun run = CliRun.of("run", "raft", "--seed", String.valueOf(seed), "--steps", "4000", "--option", "appends=true",
                    "--option", "ops=12", "--option", "keys=2", "--out", trace.toString());
            assertEquals(0, run.exit(), run.out() + run.err());
            Matcher m = APPENDED_READ.matcher(Files.readString(trace));
            read = m.find() ? m : null;
        }
        assertTrue(read != null, "no seed of 20 read two appends");
        CliRun good = CliRun.of("validate", "--spec", spec.toString(), "--trace", trace.toString(), "--lib", lib.toString());
        assertEquals(0, good.exit(), good.out() + good.err());

        // Drop the first token from that reply (sent and delivered): the key never held that value.
        String reply = read.group();
        String value = read.group(1);
        String dropped = value.replaceFirst("^c\\d+v\\d+", "");
        Path bad = dir.resolve("lost-append.ndjson");
        Files.writeString(bad, Files.readString(trace).replace(reply, reply.replace(value, dropped)));
        CliRun tlc = CliRun.of("validate", "--tlc-only", "--spec", spec.toString(), "--trace", bad.toString(),
                "--lib", lib.toString());
        assertEquals(1, tlc.exit(), tlc.out() + tlc.err());
        assertTrue(tlc.out().contains("DIVERGES"), tlc.out());
        CliRun java = CliRun.of("validate", "--java-only", "--trace", bad.toString());
        assertEquals(1, java.exit(), java.out() + java.err());
        assertTrue(java.out().contains("'" + dropped + "'"), java.out());
        CliRun lin = CliRun.of("linearizable", bad.toString(), "--model", "kv");
        assertEquals(1, lin.exit(), lin.out() + lin.err());
    }
}
