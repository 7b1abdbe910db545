package dev.conform.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The trace fixtures of every bundled algorithm, passing ({@code good-*}, and other recorded runs)
 * and failing ({@code bad-*}): specs/&lt;algo&gt;/traces, and PingCounter's (FIFO variant), which
 * live with the checker's tests.
 */
final class BundledTraces {
    private static final Path SPECS = Path.of("../specs");

    private BundledTraces() {
    }

    /** One fixture and the trace spec it is validated through. */
    record Fixture(Path trace, Path spec) {
        boolean bad() {
            return trace.getFileName().toString().startsWith("bad-");
        }

        @Override
        public String toString() {
            return trace.getParent().getParent().getFileName() + "/" + trace.getFileName();
        }
    }

    static List<Fixture> all() {
        List<Fixture> out = new ArrayList<>();
        add(out, SPECS.resolve("raft/traces"), SPECS.resolve("raft/TraceRaft.tla"));
        add(out, SPECS.resolve("twopc/traces"), SPECS.resolve("twopc/TraceTwoPhase.tla"));
        add(out, SPECS.resolve("crdt/traces"), SPECS.resolve("crdt/TraceCrdt.tla"));
        // The checker's PingCounter fixtures are of its FIFO variant, with their own trace spec; runs of the
        // bundled PingCounter are validated (and drawn) by the gate's browser test.
        Path fifo = Path.of("../checker/src/test/resources/specs/pingcounter");
        add(out, fifo.resolve("traces"), fifo.resolve("TracePingCounter.tla"));
        return out;
    }

    static Path library() {
        return SPECS.resolve("lib");
    }

    private static void add(List<Fixture> out, Path folder, Path spec) {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> traces = s.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
            if (traces.isEmpty()) {
                throw new IllegalStateException("no traces in " + folder);
            }
            traces.forEach(t -> out.add(new Fixture(t, spec)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
