package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client ids of one cluster directory are handed out once each, in order, even concurrently. */
class ClientIdsTest {
    @TempDir
    Path dir;

    @Test
    void idsAreSequentialAboveTheServers() throws Exception {
        assertEquals(ClientIds.FIRST, ClientIds.next(dir, List.of(1, 2, 3)));
        assertEquals(ClientIds.FIRST + 1, ClientIds.next(dir, List.of(1, 2, 3)));
    }

    @Test
    void serverIdsAreNeverHandedOut() throws Exception {
        List<Integer> servers = List.of(ClientIds.FIRST, ClientIds.FIRST + 1, ClientIds.FIRST + 3);
        assertEquals(ClientIds.FIRST + 2, ClientIds.next(dir, servers));
        assertEquals(ClientIds.FIRST + 4, ClientIds.next(dir, servers));
    }

    @Test
    void concurrentTakersNeverShareAnId() throws Exception {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                all.add(pool.submit(() -> ClientIds.next(dir, List.of(1, 2, 3))));
            }
            for (Future<Integer> f : all) {
                assertTrue(seen.add(f.get()), "id handed out twice");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, seen.size());
        assertEquals(ClientIds.FIRST + 40, ClientIds.next(dir, List.of(1, 2, 3)));
    }
}
