package dev.conform.cli;

import dev.conform.algorithms.raft.RaftAlgorithm;
import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.checker.validate.BatchValidator;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.io.NdjsonSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Impossible Raft traces, derived from good seeded runs by {@link RaftTraceMutations}, must be
 * rejected by TLC through specs/raft/TraceRaft.tla and by the Java replay (exit 1, or 2 for bad
 * input), and good runs of both networks, with and without snapshots, must conform on both sides.
 */
@Tag("tlc")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RaftTraceAttackTest {
    private static final Options BASE = Options.empty().with("clients", 2).with("ops", 4)
        .with("electionMin", 40).with("electionMax", 80).with("heartbeat", 15).with("retry", 120);

    private static final Path SPEC = GateSpecsFixture.REPO_SPECS.resolve("raft/TraceRaft.tla");
    private static final List<Integer> SERVERS = List.of(1, 2, 3);

    @TempDir
    static Path dir;
    /** The good traces the mutations start from: unreliable chaos, reliable chaos, a longer unreliable run. */
    private static final List<Path> BASES = new ArrayList<>();

    static Path run(Path file, long seed, NetSemantics net, int snapshotEvery, long steps, long horizon) {
        Options o = BASE.with("snapshotEvery", snapshotEvery);
        SimConfig c = SimConfig.of(3, seed).withNet(net).withMaxSteps(steps).withOptions(o);
        try (NdjsonSink sink = new NdjsonSink(file)) {
            new Simulator<RaftMessage>(new RaftAlgorithm(), c,
                PlanGenerator.generate(seed, SERVERS, horizon, Intensity.HIGH), sink).run();
        }
        return file;
    }

    @BeforeAll
    static void bases() {
        BASES.add(run(dir.resolve("base-unreliable.ndjson"), 3, NetSemantics.UNRELIABLE, 4, 600, 500));
        BASES.add(run(dir.resolve("base-reliable.ndjson"), 5, NetSemantics.RELIABLE, 2, 400, 500));
        BASES.add(run(dir.resolve("base-long.ndjson"), 2, NetSemantics.UNRELIABLE, 3, 1500, 500));
    }

    static List<String> mutations() {
        return List.copyOf(RaftTraceMutations.all().keySet());
    }

    private static int validate(String side, Path trace) {
        return CliRun.of("validate", side, "--spec", SPEC.toString(),
            "--trace", trace.toString()).exit();
    }

    /** The first base trace the mutation applies to, mutated and written out. */
    private static Path mutant(String name) {
        RaftTraceMutations.Mutation m = RaftTraceMutations.all().get(name);
        for (Path base : BASES) {
            RaftTraceMutations.Trace t = RaftTraceMutations.Trace.read(base).copy();
            if (m.apply(t)) {
                Path out = dir.resolve(name.replace(' ', '-').replace("'", "") + ".ndjson");
                t.write(out);
                return out;
            }
        }
        return fail("no base trace has what the mutation '" + name + "' needs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void theJavaReplayRejects(String name) {
        int exit = validate("--java-only", mutant(name));
        assertTrue(exit == 1 || exit == 2, name + ": Java exit " + exit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void tlcRejects(String name) {
        int exit = validate("--tlc-only", mutant(name));
        assertTrue(exit == 1 || exit == 2, name + ": TLC exit " + exit);
    }

    /** The mutants start from traces that conform (clocks removed as in the mutants). */
    @Test
    void theBasesConformOnBothSides() {
        for (Path base : BASES) {
            Path control = dir.resolve("control-" + base.getFileName());
            RaftTraceMutations.Trace.read(base).copy().write(control);
            assertEquals(0, validate("--java-only", control), "Java on " + base);
            assertEquals(0, validate("--tlc-only", control), "TLC on " + base);
        }
    }

    /** Seeded chaos runs of both networks, with and without snapshots, conform on both sides. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void chaosRunsOfEveryVariantConform() {
        List<TraceValidationRequest> reqs = new ArrayList<>();
        for (NetSemantics net : List.of(NetSemantics.RELIABLE, NetSemantics.UNRELIABLE)) {
            for (int snapshotEvery : List.of(0, 3)) {
                for (long seed = 11; seed <= 13; seed++) {
                    Path t = run(dir.resolve("chaos-" + net + "-" + snapshotEvery + "-" + seed + ".ndjson"), seed, net,
                        snapshotEvery, 1200, 500);
                    assertEquals(0, validate("--java-only", t), "Java on " + t);
                    reqs.add(TraceValidationRequest.of(SPEC, t)
                        .withTimeout(Duration.ofMinutes(5)));
                }
            }
        }
        List<TlcValidation> verdicts = new BatchValidator().validateAll(reqs);
        for (int i = 0; i < reqs.size(); i++) {
            assertTrue(verdicts.get(i).conforms(), reqs.get(i).trace() + ": " + verdicts.get(i));
        }
    }
}
