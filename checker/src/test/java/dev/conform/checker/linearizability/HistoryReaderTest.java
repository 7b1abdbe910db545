package dev.conform.checker.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.tracing.io.TraceFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {
    @TempDir
    Path dir;

    private History read(String name, String text, HistoryFormat format, Model model) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return HistoryReader.read(p, format, model);
    }

    private TraceFormatException bad(String name, String text, HistoryFormat format, Model model) {
        return assertThrows(TraceFormatException.class, () -> read(name, text, format, model));
    }

    @Test
    void jsonLinesPairInvocationsWithCompletions() throws IOException {
        History h = read("h.jsonl", """
            {"process": 0, "type": "invoke", "f": "write", "key": "x", "value": 1}
            {"process": 1, "type": "invoke", "f": "read", "key": "x"}
            {"process": 0, "type": "ok", "f": "write", "key": "x", "value": 1}
            {"process": 1, "type": "ok", "f": "read", "key": "x", "value": 1}
            {"process": 2, "type": "invoke", "f": "cas", "key": "x", "value": [1, 2]}
            {"process": 2, "type": "fail", "f": "cas", "key": "x", "value": [1, 2]}
            {"process": 3, "type": "invoke", "f": "put", "key": "y", "value": "a"}
            {"process": 3, "type": "info", "f": "put", "key": "y", "value": "a"}
            """, null, Model.KV);
        assertEquals(3, h.operations().size(), h.operations().toString());
        Operation w = h.operations().get(0);
        assertEquals(List.of(0L, 2L), List.of(w.invoke(), w.complete()));
        assertEquals("1", h.operations().get(1).result());
        assertTrue(h.operations().get(2).pending());
        assertEquals(Verdict.OK, Linearizability.check(h, Model.KV, Budget.defaults()).verdict());
    }

    @Test
    void jepsenEdnMapsOneALineOrInAVector() throws IOException {
        String lines = """
            {:process 0, :type :invoke, :f :write, :value 3, :time 10}
            {:process 1, :type :invoke, :f :read, :value nil}
            {:process 0, :type :ok, :f :write, :value 3}
            {:process 1, :type :ok, :f :read, :value 3}
            {:process :nemesis, :type :info, :f :start, :value nil}
            {:process 2, :type :invoke, :f :cas, :value [3 4]}
            {:process 2, :type :ok, :f :cas, :value [3 4]}
            {:process 1, :type :invoke, :f :read, :value nil}
            {:process 1, :type :ok, :f :read, :value 3}
            """;
        History h = read("h.edn", lines, null, Model.CAS_REGISTER);
        assertEquals(4, h.operations().size());
        assertEquals(Verdict.ILLEGAL, Linearizability.check(h, Model.CAS_REGISTER, Budget.defaults()).verdict());
        History v = read("v.edn", "[" + lines + "]", HistoryFormat.EDN, Model.CAS_REGISTER);
        assertEquals(h.operations().toString(), v.operations().toString().replace("v.edn", "h.edn"));
    }

    @Test
    void independentKeysInEdnAreTuples() throws IOException {
        History h = read("k.edn", """
            {:process 0, :type :invoke, :f :write, :value [:x 1]}
            {:process 0, :type :ok, :f :write, :value [:x 1]}
            {:process 1, :type :invoke, :f :read, :value [:y nil]}
            {:process 1, :type :ok, :f :read, :value [:y nil]}
            """, HistoryFormat.EDN, Model.KV);
        assertEquals(List.of(":x", ":y"), h.operations().stream().map(Operation::key).toList());
    }

    @Test
    void jepsenUtilLogLines() throws IOException {
        History h = read("jepsen.log", """
            INFO  jepsen.core - Worker 0 starting
            INFO  jepsen.util - 0\t:invoke\t:write\t1
            INFO  jepsen.util - 1\t:invoke\t:read\tnil
            INFO  jepsen.util - 0\t:ok\t:write\t1
            INFO  jepsen.util - 1\t:ok\t:read\tnil
            INFO  jepsen.util - :nemesis\t:info\t:start\tnil
            INFO  jepsen.util - 2\t:invoke\t:cas\t[1 2]
            INFO  jepsen.util - 2\t:info\t:cas\t[1 2]
            """, null, Model.CAS_REGISTER);
        assertEquals(3, h.operations().size(), h.operations().toString());
        assertTrue(h.operations().get(2).pending());
        assertEquals(Verdict.OK, Linearizability.check(h, Model.CAS_REGISTER, Budget.defaults()).verdict());
    }

    @Test
    void aConformTraceGivesTheClientsHistory() throws IOException {
        Path trace = Path.of("src/test/resources/mutate/raft-seed9.ndjson");
        assertEquals(HistoryFormat.CONFORM, HistoryReader.detect(trace));
        History h = HistoryReader.read(trace, null, Model.KV);
        assertTrue(h.operations().size() > 5, "operations: " + h.operations().size());
        assertTrue(h.operations().stream().anyMatch(o -> o.kind() == Operation.Kind.READ && !o.pending()));
        assertEquals(Verdict.OK, Linearizability.check(h, Model.KV, Budget.defaults()).verdict());
    }

    @Test
    void badInputNamesFileLineAndColumn() {
        String m = bad("a.jsonl", "{\"process\": 0, \"type\": \"invoke\", \"f\": \"read\"}\n{\"process\": 0, oops}\n",
            HistoryFormat.JSONL, Model.REGISTER).getMessage();
        assertTrue(m.startsWith(dir.resolve("a.jsonl") + ":2:"), m);
        m = bad("b.jsonl", "{\"process\": 0, \"type\": \"invoke\", \"f\": \"read\", \"colour\": 1}\n",
            HistoryFormat.JSONL, Model.REGISTER).getMessage();
        assertTrue(m.endsWith(":1:47: unknown field \"colour\" (process, type, f, key, value, time)"), m);
        m = bad("c.jsonl", "{\"process\": 0, \"type\": \"ok\", \"f\": \"read\", \"value\": 1}\n",
            HistoryFormat.JSONL, Model.REGISTER).getMessage();
        assertTrue(m.endsWith(":1:1: process 0 completes read but has no operation open"), m);
        m = bad("d.edn", "{:process 0, :type :invoke, :f :read, :value nil}\n  {:process 0 :type :ok\n",
            HistoryFormat.EDN, Model.REGISTER).getMessage();
        assertTrue(m.endsWith("d.edn:2:3: '{' is never closed"), m);
        m = bad("e.edn", "{:process 0, :type :invoke, :f :frob, :value nil}\n", HistoryFormat.EDN, Model.REGISTER)
            .getMessage();
        assertTrue(m.endsWith("e.edn:1:1: unknown function 'frob' (read, write, cas, append; get and put are read and write)"), m);
        m = bad("f.log", "INFO  jepsen.util - 0\t:invoke\t:cas\t[1 2\n", HistoryFormat.JEPSEN_LOG, Model.CAS_REGISTER)
            .getMessage();
        assertTrue(m.endsWith("f.log:1:36: '[' is never closed"), m);
        m = bad("g.edn", "{:process 0, :type :invoke, :f :write, :value 1}\n{:process 0, :type :invoke, :f :read}\n",
            HistoryFormat.EDN, Model.REGISTER).getMessage();
        assertTrue(m.endsWith("g.edn:2:1: process 0 invokes read while its write from " + dir.resolve("g.edn")
            + ":1 is still open"), m);
        m = bad("h.txt", "hello\n", null, Model.REGISTER).getMessage();
        assertTrue(m.endsWith("h.txt:1:1: not a history in any known format (conform trace, JSON lines, EDN, "
            + "jepsen.util log)"), m);
    }
}
