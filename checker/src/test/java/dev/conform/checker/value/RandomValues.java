package dev.conform.checker.value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded generator of arbitrary nested values, for round-trip tests. */
final class RandomValues {
    private static final String CHARS = "ab\"\\\n\t z9";
    private final SplittableRandom random;

    RandomValues(long seed) {
        this.random = new SplittableRandom(seed);
    }

    TlaValue value(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 10);
        return switch (kind) {
            case 0 -> TlaValue.Int.of(random.nextLong(-1_000_000, 1_000_000));
            case 1 -> new TlaValue.Str(string());
            case 2 -> new TlaValue.Bool(random.nextBoolean());
            case 3 -> new TlaValue.ModelValue("m" + random.nextInt(10));
            case 4 -> new TlaValue.Interval(BigInteger.valueOf(random.nextInt(-5, 5)), BigInteger.valueOf(random.nextInt(5, 9)));
            case 5, 6 -> new TlaValue.Tuple(list(depth));
            case 7 -> new TlaValue.Set(list(depth));
            case 8 -> record(depth);
            default -> function(depth);
        };
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return b.toString();
    }

    private List<TlaValue> list(int depth) {
        List<TlaValue> out = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.add(value(depth - 1));
        }
        return out;
    }

    private TlaValue record(int depth) {
        Map<String, TlaValue> fields = new LinkedHashMap<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            fields.put("f" + i, value(depth - 1));
        }
        return new TlaValue.Record(fields);
    }

    private TlaValue function(int depth) {
        List<TlaValue.Entry> entries = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            entries.add(new TlaValue.Entry(value(depth - 1), value(depth - 1)));
        }
        return new TlaValue.Function(entries);
    }
}
