package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;

/**
 * Raft and Multi-Paxos, each as three real OS processes over TCP with mutual TLS (Raft also over
 * QUIC), driven only through the {@code conform cluster} CLI:
 * writes, a SIGKILL of the leader, more writes, a restart of the killed node, every key read
 * back (no acknowledged write lost), a clean stop with no process left, and the merged trace of
 * servers and clients accepted by TLC through the algorithm's trace spec. Authentication is on
 * throughout: no node rejected anyone, and no key left credentials/.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterEndToEndTest {
    private static final Pattern NODE_LINE = Pattern.compile("node (\\d+) pid (\\d+) (up|down)(.*)");

    @TempDir
    Path tmp;

    /** One CLI invocation's exit code and output. */
    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString().trim(), err.toString().trim());
    }

    private Run ok(String... args) {
        Run r = cli(args);
        assertEquals(ExitCodes.OK, r.exit(), () -> String.join(" ", args) + " failed: " + r.err() + " " + r.out());
        return r;
    }

    @ParameterizedTest
    @CsvSource({"raft, raft/TraceRaft.tla, tcp", "paxos, paxos/TraceMultiPaxos.tla, tcp", "raft, raft/TraceRaft.tla, quic",
            "raft, raft/TraceRaft.tla, udp"})
    void leaderCrashLosesNoAcknowledgedWriteAndTheMergedTraceConforms(String algorithm, String traceSpec,
                                                                      String transport) throws Exception {
        System.setProperty(ClusterCommand.CLASSPATH_PROPERTY,
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        Path dir = tmp.resolve("cluster");
        String d = dir.toString();
        Set<Long> pids = new LinkedHashSet<>();
        Map<String, String> acknowledged = new LinkedHashMap<>();
        try {
            Run start = ok("cluster", "start", algorithm, "--nodes", "3", "--dir", d, "--transport", transport);
            assertTrue(start.out().contains(" over " + transport + " "), start.out());
            pids.addAll(pids(start.out()).values());
            assertEquals(3, pids.size(), start.out());

            for (int i = 1; i <= 4; i++) {
                put(d, "k" + i, "v" + i, acknowledged);
            }
            int leader = awaitLeader(d, 0);
            long killedPid = pids(ok("cluster", "status", "--dir", d).out()).get(leader);
            ok("cluster", "kill", String.valueOf(leader), "--dir", d);
            assertFalse(ProcessHandle.of(killedPid).map(ProcessHandle::isAlive).orElse(false), "killed leader is gone");

            for (int i = 5; i <= 8; i++) {
                put(d, "k" + i, "v" + i, acknowledged);
            }
            assertNotEquals(leader, awaitLeader(d, leader), "a new leader took over");
            assertEquals("true", ok("cluster", "client", "cas", "k1", "v1", "w1", "--dir", d).out());
            acknowledged.put("k1", "w1");

            Run restart = ok("cluster", "restart", String.valueOf(leader), "--dir", d);
            pids.addAll(pids(ok("cluster", "status", "--dir", d).out()).values());
            put(d, "k9", "v9", acknowledged);

            for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                assertEquals(e.getValue(), ok("cluster", "client", "get", e.getKey(), "--dir", d).out(),
                        "acknowledged write of " + e.getKey() + " (restart: " + restart.out() + ")");
            }
            assertEquals("(absent)", ok("cluster", "client", "get", "never-written", "--dir", d).out());

            assertEquals("stopped 3 nodes in " + d, ok("cluster", "stop", "--dir", d).out());
            for (long pid : pids) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                        "process " + pid + " left behind");
            }

            Path merged = tmp.resolve("merged.ndjson");
            Run trace = ok("cluster", "trace", "--dir", d, "--out", merged.toString());
            assertTrue(trace.out().contains("merged"), trace.out());
            String text = Files.readString(merged);
            assertTrue(text.contains("\"kind\":\"crash\""), "the killed leader's crash is in the trace");
            assertTrue(text.contains("\"type\":\"ClientRequest\""), "client traffic is in the trace");
            assertTrue(text.lines().findFirst().orElseThrow().contains("\"transport\":\"" + transport + "\""),
                    "the merged header names the transport");
            assertNoKeyOutsideCredentials(dir);
            Run validate = cli("validate", "--tlc-only", "--spec", spec(traceSpec).toString(), "--trace", merged.toString());
            assertEquals(ExitCodes.OK, validate.exit(), validate.out() + "\n" + validate.err());
            assertTrue(validate.out().contains("CONFORMS"), validate.out());

            // The report draws the merged TCP trace whole: every event, vector clocks instead of a global order.
            Path html = tmp.resolve("merged.html");
            Run report = ok("report", merged.toString(), "-o", html.toString());
            long events = Files.lines(merged).count() - 1;
            assertTrue(report.out().contains(String.format("(%,d events", events)), report.out());
            assertTrue(Files.readString(html).contains("\"kind\":\"crash\""), "the crash is drawn");
        } finally {
            cli("cluster", "stop", "--dir", d);
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** An unreachable cluster makes the client give up with exit 3 at its deadline. */
    @Test
    void clientExitsThreeWhenNoServerAnswers() throws Exception {
        System.setProperty(ClusterCommand.CLASSPATH_PROPERTY,
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        Path dir = tmp.resolve("dead");
        String d = dir.toString();
        Set<Long> pids = new LinkedHashSet<>();
        try {
            pids.addAll(pids(ok("cluster", "start", "raft", "--nodes", "3", "--dir", d).out()).values());
            ok("cluster", "stop", "--dir", d);
            Run r = cli("cluster", "client", "put", "k", "v", "--dir", d, "--timeout", "1500ms");
            assertEquals(ExitCodes.TOOL_FAILURE, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("no leader answered"), r.err());
        } finally {
            cli("cluster", "stop", "--dir", d);
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /**
     * The cluster's keys are owner-only and stay in credentials/: no trace, log, status or command
     * line of the cluster folder holds one (nor any PEM block), and no datagram, connection or frame
     * was refused along the way. A key is the last word of each line of a credentials file (a UDP
     * pair key; a line of a PEM certificate or private key).
     */
    private static void assertNoKeyOutsideCredentials(Path dir) throws java.io.IOException {
        Path creds = dir.resolve("credentials");
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(creds)));
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(creds)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(f)), f.toString());
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("-----")) {
                        keys.add(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
            }
        }
        assertFalse(keys.isEmpty());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(creds)).toList()) {
                String content = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String k : keys) {
                    assertFalse(content.contains(k), "a key appears in " + f);
                }
                assertFalse(content.contains("-----BEGIN"), "a PEM block appears in " + f);
                if (f.getFileName().toString().equals("status.json")) {
                    Path log = f.getParent().resolveSibling(f.getParent().getFileName() + ".log");
                    assertTrue(content.contains("\"rejected\":0"), () -> f + ": " + content + "; rejections logged: "
                            + rejections(log));
                }
            }
        }
    }

    /** The lines of a node's log that report a rejection (for failure messages). */
    private static List<String> rejections(Path log) {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.contains("rejected")).toList();
        } catch (java.io.IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    private void put(String d, String k, String v, Map<String, String> acknowledged) {
        assertEquals("OK", ok("cluster", "client", "put", k, v, "--dir", d).out());
        acknowledged.put(k, v);
    }

    /** Node id to pid from `start` or `status` output. */
    private static Map<Integer, Long> pids(String out) {
        Map<Integer, Long> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            Matcher x = NODE_LINE.matcher(line.trim());
            if (x.matches() || line.trim().matches("node \\d+ pid \\d+")) {
                String[] w = line.trim().split(" ");
                m.put(Integer.parseInt(w[1]), Long.parseLong(w[3]));
            }
        }
        return m;
    }

    /**
     * Polls `cluster status` (refreshed by the nodes every 200 ms) until exactly one live node
     * reports role=Leader other than {@code notThis}; fails at the deadline.
     */
    private int awaitLeader(String d, int notThis) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            last = ok("cluster", "status", "--dir", d).out();
            int found = 0;
            int count = 0;
            for (String line : last.split("\n")) {
                Matcher x = NODE_LINE.matcher(line.trim());
                if (x.matches() && x.group(3).equals("up") && x.group(4).contains("role=Leader")) {
                    found = Integer.parseInt(x.group(1));
                    count++;
                }
            }
            if (count == 1 && found != notThis) {
                return found;
            }
            Thread.sleep(100);
        }
        fail("no single leader within 30 s: " + last);
        return 0;
    }

    private static Path spec(String traceSpec) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("specs").resolve(traceSpec);
            if (Files.exists(s)) {
                return s;
            }
        }
        throw new IllegalStateException("specs/" + traceSpec + " not found above " + Path.of("").toAbsolutePath());
    }
}
