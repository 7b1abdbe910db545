package dev.conform.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.Validation;
import dev.conform.checker.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace recorded over UDP may hold duplicate deliveries; declared as TCP it must fail, on the
 * TLC side (TraceNet.tla) and the Java side alike. The UDP trace is a simulated Raft chaos run on
 * the unreliable network (whose link rules duplicated) with a header naming transport udp, as a
 * real UDP node's does: loopback UDP duplicates too rarely to wait for one.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TransportHeaderConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /**
     * The first seed's trace whose duplicates all came from the plan's link rules (it conforms
     * with the network's own duplicate rate set to 0), so that afterwards only the transport
     * decides whether they are allowed.
     */
    private Path linkRuleDuplicates() throws IOException {
        for (long seed = 1; seed <= 100; seed++) {
            Path f = RaftRuns.write(RaftRuns.chaos(seed, "medium", 400), tmp.resolve("raft-" + seed + ".ndjson"));
            if (Files.readString(f).contains("\"kind\":\"duplicate\"")) {
                Path noRate = withHeader(f, "no-rate-" + seed + ".ndjson", p -> p.put("duplicatePercent", 0));
                if (RaftRuns.javaCheck(noRate).conforms()) {
                    return noRate;
                }
            }
        }
        throw new AssertionError("no chaos seed in 1..100 duplicated a message under a link rule only");
    }

    private Path withHeader(Path f, String name, Consumer<ObjectNode> edit) throws IOException {
        List<String> lines = Files.readAllLines(f);
        ObjectNode h = (ObjectNode) JSON.readTree(lines.get(0));
        edit.accept((ObjectNode) h.get("params"));
        lines.set(0, JSON.writeValueAsString(h));
        Path out = tmp.resolve(name);
        Files.write(out, lines);
        return out;
    }

    private static ValidationReport validate(Path trace) {
        Path spec = RaftRuns.specs().resolve("TraceRaft.tla");
        return Validation.run(TraceValidationRequest.of(spec, trace), Validation.Mode.BOTH);
    }

    @Test
    void duplicatesPassOnlyUnderUdp() throws IOException {
        Path noRate = linkRuleDuplicates();
        assertTrue(RaftRuns.tlcCheck(noRate).conforms(), "without a transport, the link rules allow the duplicates");
        Path udp = withHeader(noRate, "udp.ndjson", p -> {
            p.put("transport", "udp");
            p.put("duplicatePercent", 100);
        });
        ValidationReport ok = validate(udp);
        assertEquals(ValidationReport.Status.CONFORMS, ok.status(), ok.badInput() + " " + ok.tlc() + " " + ok.java());

        // The same header as noRate but naming tcp: only the transport rule rejects the duplicates.
        Path tcp = withHeader(noRate, "tcp.ndjson", p -> p.put("transport", "tcp"));
        TlcValidation tlc = RaftRuns.tlcCheck(tcp);
        assertEquals(TlcValidation.Outcome.DIVERGES, tlc.outcome(), tlc.message());
        assertNotNull(tlc.divergence());
        ReplayResult java = RaftRuns.javaCheck(tcp);
        assertFalse(java.conforms());
        assertTrue(java.failure().message().contains("transport tcp never duplicates"), java.failure().message());
        assertEquals(tlc.divergence().event(), java.failure().event(), "both sides stop at the first duplicate");

        // Only the transport flipped: the header contradicts itself, exit 2 before either side runs.
        Path inconsistent = withHeader(udp, "inconsistent.ndjson", p -> p.put("transport", "tcp"));
        ValidationReport bad = validate(inconsistent);
        assertEquals(ValidationReport.Status.BAD_INPUT, bad.status());
        assertTrue(bad.badInput().contains(":1:") && bad.badInput().contains("params.duplicatePercent"), bad.badInput());
        assertFalse(RaftRuns.tlcCheck(inconsistent).conforms(), "TLC alone rejects it too");
    }
}
