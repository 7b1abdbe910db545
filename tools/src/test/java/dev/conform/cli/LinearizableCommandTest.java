package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearizableCommandTest {
    @TempDir
    Path dir;

    private static final String STALE_READ = """
        {"process": 0, "type": "invoke", "f": "write", "value": 1}
        {"process": 0, "type": "ok", "f": "write", "value": 1}
        {"process": 1, "type": "invoke", "f": "read"}
        {"process": 1, "type": "ok", "f": "read", "value": null}
        """;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void linearizableHistoryExitsZero() throws IOException {
        Path h = file("ok.edn", """
            {:process 0, :type :invoke, :f :write, :value 1}
            {:process 1, :type :invoke, :f :read, :value nil}
            {:process 0, :type :ok, :f :write, :value 1}
            {:process 1, :type :ok, :f :read, :value 1}
            """);
        CliRun r = CliRun.of("linearizable", h.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("OK: linearizable; 2 operations"), r.out());
    }

    @Test
    void staleReadExitsOneWithItsWitness() throws IOException {
        Path h = file("stale.jsonl", STALE_READ);
        CliRun r = CliRun.of("linearizable", h.toString(), "--model", "register");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("ILLEGAL: not linearizable"), r.out());
        assertTrue(r.out().contains("minimal witness, 2 operations"), r.out());
        assertTrue(r.out().contains("p1 read => nil [2, 3] at " + h + ":3"), r.out());
    }

    @Test
    void aSpentBudgetExitsThreeNeverZero() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < 10; p++) {
            sb.append("{\"process\": ").append(p).append(", \"type\": \"invoke\", \"f\": \"write\", \"value\": ")
                .append(p).append("}\n");
        }
        CliRun r = CliRun.of("linearizable", file("pending.jsonl", sb.toString()).toString(), "--model", "register",
            "--max-states", "3");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("UNKNOWN: visited more than 3 search states"), r.out());
    }

    @Test
    void badInputExitsTwoWithItsPosition() throws IOException {
        Path h = file("bad.edn", "{:process 0 :type :invoke :f :read :value nil}\n{:process 0 :type :ok :f :read :value [1\n");
        CliRun r = CliRun.of("linearizable", h.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("conform: " + h + ":2:39: '[' is never closed", r.err().strip());
        CliRun model = CliRun.of("linearizable", h.toString(), "--model", "queue");
        assertEquals(2, model.exit());
        CliRun cas = CliRun.of("linearizable", file("cas.jsonl", """
            {"process": 0, "type": "invoke", "f": "cas", "value": [1, 2]}
            """).toString(), "--model", "register");
        assertEquals(2, cas.exit());
        assertTrue(cas.err().contains("cas.jsonl:1: the register model has no cas operation"), cas.err());
    }
}
