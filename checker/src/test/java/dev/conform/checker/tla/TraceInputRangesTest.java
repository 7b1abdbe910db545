package dev.conform.checker.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

/**
 * TraceLog, TraceAhead and TraceFile of one segment, in either order of first use, hold the
 * events a fresh read of their range gives, and share the events they have in common (each event
 * is converted once per TLC run).
 */
class TraceInputRangesTest {
    @AfterEach
    void clearProperties() {
        System.clearProperty(TraceSlice.PATH);
        System.clearProperty(TraceSlice.FROM);
        System.clearProperty(TraceSlice.TO);
    }

    static Path trace(Path dir, int events) throws Exception {
        StringBuilder sb = new StringBuilder("{\"type\":\"header\",\"algorithm\":\"probe\",\"nodes\":[1,2]}\n");
        for (int i = 1; i <= events; i++) {
            sb.append("{\"seq\":").append(i).append(",\"node\":").append(i % 2 + 1)
                    .append(",\"kind\":\"action\",\"state\":{\"n\":").append(i * 7).append("}}\n");
        }
        Path f = dir.resolve("t" + events + ".ndjson");
        Files.writeString(f, sb.toString());
        return f;
    }

    static Value[] fresh(Path f, long from, long to) {
        return TraceInputOperators.read(new TraceSlice(f.toString(), from, to)).events().elems;
    }

    static Value[] elems(Value v) {
        return ((TupleValue) v).elems;
    }

    void select(Path f, long from, long to) {
        System.setProperty(TraceSlice.PATH, f.toString());
        System.setProperty(TraceSlice.FROM, Long.toString(from));
        System.setProperty(TraceSlice.TO, Long.toString(to));
    }

    @Test
    void everyOrderOfFirstUseGivesTheSameSharedEvents(@TempDir Path dir) throws Exception {
        Path f = trace(dir, 50);
        long[][] segments = {{1, 20}, {21, 40}, {41, 60}, {1, 50}, {30, 30}};
        List<List<String>> orders = List.of(List.of("log", "ahead", "file"), List.of("file", "ahead", "log"),
                List.of("ahead", "log", "file"), List.of("file", "log", "ahead"));
        int round = 0;
        for (long[] seg : segments) {
            for (List<String> order : orders) {
                // a file of its own per round: nothing read in an earlier round is reused
                Path copy = Files.copy(f, dir.resolve("r" + round++ + ".ndjson"));
                select(copy, seg[0], seg[1]);
                Value[] log = null;
                Value[] ahead = null;
                Value[] file = null;
                for (String op : order) {
                    switch (op) {
                        case "log" -> log = elems(TraceInputOperators.traceLog());
                        case "ahead" -> ahead = elems(TraceInputOperators.traceAhead());
                        default -> file = elems(TraceInputOperators.traceFile());
                    }
                }
                String what = Arrays.toString(seg) + " " + order;
                assertEquals(Arrays.asList(fresh(copy, seg[0], seg[1])), Arrays.asList(log), what);
                assertEquals(Arrays.asList(fresh(copy, seg[0], Long.MAX_VALUE)), Arrays.asList(ahead), what);
                assertEquals(Arrays.asList(fresh(copy, 1, Long.MAX_VALUE)), Arrays.asList(file), what);
                for (int k = 0; k < log.length; k++) {
                    assertSame(log[k], ahead[k], what + " event " + k);
                    assertSame(ahead[k], file[(int) seg[0] - 1 + k], what + " event " + k);
                }
                assertEquals(seg[0] - 1, ((tlc2.value.impl.IntValue) TraceInputOperators.traceOffset()).val, what);
            }
        }
    }
}
