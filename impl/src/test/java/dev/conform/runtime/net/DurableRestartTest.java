package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.broadcast.BroadcastAlgorithm;
import dev.conform.algorithms.broadcast.BroadcastNode;
import dev.conform.algorithms.broadcast.BroadcastState;
import dev.conform.runtime.Options;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.MemorySink;
import dev.conform.tracing.TraceEvent;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real node persists to disk and a new process-like runtime restarts from exactly that. */
class DurableRestartTest {
    @TempDir
    Path dir;

    @Test
    void restartReadsThePersistedStateFromDisk() throws Exception {
        Map<Integer, InetSocketAddress> one = Map.of(1, new InetSocketAddress("127.0.0.1", 0));
        Options opts = Options.empty().with("count", 3);
        NetRuntime<?> first = new NetRuntime<>(new BroadcastAlgorithm(), 1, one, dir, null, opts, 1, 1);
        first.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (first.call(() -> ((BroadcastNode) first.node()).deliveredFrom(1)) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.close();
        assertEquals(persistedAfterThree(),
                dev.conform.runtime.Json.mapper().readValue(Files.readAllBytes(dir.resolve("state.json")), BroadcastState.class));
        assertTrue(Files.list(dir).noneMatch(p -> p.toString().endsWith(".tmp")));

        MemorySink sink = new MemorySink();
        Map<Integer, InetSocketAddress> again = Map.of(1, new InetSocketAddress("127.0.0.1", 0));
        NetRuntime<?> second = new NetRuntime<>(new BroadcastAlgorithm(), 1, again, dir, sink, opts, 1, 1);
        try {
            second.start();
                BroadcastNode n = (BroadcastNode) second.call(second::node);
            assertEquals(3, second.call(() -> n.deliveredFrom(1)));
            assertEquals(3, second.call(n::originated));
        } finally {
            second.close();
        }
        TraceEvent restart = sink.events().get(0);
        assertEquals(EventKind.RESTART, restart.kind());
        assertEquals(persistedAfterThree(), restart.state());
        assertTrue(sink.events().stream().noneMatch(e -> "Broadcast".equals(e.action())), "no value broadcast twice");
    }

    /** A lone node that broadcast and delivered three values: its counters and its own values. */
    private static BroadcastState persistedAfterThree() {
        java.util.List<dev.conform.algorithms.broadcast.BroadcastMessage.Data> own = new java.util.ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            own.add(new dev.conform.algorithms.broadcast.BroadcastMessage.Data(1, k, "v1." + k, Map.of("1", k - 1)));
        }
        return new BroadcastState(4, Map.of(1, 3), own);
    }
}
