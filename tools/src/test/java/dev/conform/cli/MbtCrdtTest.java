package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code conform mbt crdt} end to end with real TLC: the G-Counter replicas follow MbtCrdt's
 * behaviours, taking every action of the spec (the replay's mismatches are in CrdtMbtReplayTest).
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MbtCrdtTest {
    private static final String SPECS = Path.of("../specs").toAbsolutePath().normalize().toString();

    @Test
    void theReplicasFollowEveryBehaviour() {
        CliRun r = CliRun.of("mbt", "crdt", "--specs", SPECS, "--behaviours", "10", "--depth", "30", "--seed", "1");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("OK: crdt followed every behaviour of MbtCrdt.tla (MbtCrdt.cfg); 10 behaviours, "),
                r.out());
        assertTrue(r.out().contains("spec actions covered: 4 of 4"), r.out());
    }
}
