package dev.conform.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.broadcast.BroadcastAlgorithm;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.FaultPlans;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes simulated runs as NDJSON files with the tracing module's sink and reads them back. */
class NdjsonTraceTest {
    @TempDir
    Path dir;

    private Path run(String name, long seed, FaultPlan plan) {
        Path file = dir.resolve(name);
        SimConfig cfg = SimConfig.of(5, seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(20_000)
                .withOptions(Options.empty().with("count", 4));
        try (NdjsonSink sink = new NdjsonSink(file)) {
            new Simulator<>(new BroadcastAlgorithm(), cfg, plan, sink).run();
        }
        return file;
    }

    @Test
    void sameSeedAndPlanWriteIdenticalFiles() throws Exception {
        FaultPlan plan = PlanGenerator.generate(3, List.of(1, 2, 3, 4, 5), 200, Intensity.HIGH);
        byte[] a = Files.readAllBytes(run("a.ndjson", 9, plan));
        byte[] b = Files.readAllBytes(run("b.ndjson", 9, plan));
        assertTrue(a.length > 10_000);
        assertArrayEquals(a, b);
    }

    @Test
    void writtenTraceReadsBackWithHeaderPlanAndEveryEvent() throws Exception {
        FaultPlan plan = PlanGenerator.generate(4, List.of(1, 2, 3, 4, 5), 200, Intensity.HIGH);
        Path file = run("c.ndjson", 5, plan);
        long lines = Files.lines(file).count();
        try (TraceReader r = TraceReader.open(file)) {
            assertEquals("broadcast", r.header().algorithm());
            assertEquals(5L, r.header().seed());
            assertEquals(plan, FaultPlans.fromData(r.header().faultPlan()), "plan replays from the header");
            long n = 0;
            long seq = 0;
            for (TraceEvent e = r.next(); e != null; e = r.next()) {
                assertEquals(seq + 1, e.seq(), "events are numbered 1, 2, 3, ...");
                seq = e.seq();
                n++;
            }
            assertEquals(lines - 1, n);
        }
    }
}
