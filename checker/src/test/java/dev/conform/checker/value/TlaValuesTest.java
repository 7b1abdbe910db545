package dev.conform.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlaValuesTest {

    private static TlaValue.Int i(long v) {
        return TlaValue.Int.of(v);
    }

    @Test
    void scalars() {
        assertEquals(i(42), TlaValues.parse("42"));
        assertEquals(i(-7), TlaValues.parse("-7"));
        assertEquals(new TlaValue.Int(new BigInteger("123456789012345678901234567890")),
                TlaValues.parse("123456789012345678901234567890"));
        assertEquals(new TlaValue.Bool(true), TlaValues.parse("TRUE"));
        assertEquals(new TlaValue.Bool(false), TlaValues.parse("FALSE"));
        assertEquals(new TlaValue.ModelValue("s1"), TlaValues.parse("s1"));
        assertEquals(new TlaValue.Str(""), TlaValues.parse("\"\""));
    }

    @Test
    void stringEscapes() {
        assertEquals(new TlaValue.Str("a\"b\\c\nd\te\rf\fg"),
                TlaValues.parse("\"a\\\"b\\\\c\\nd\\te\\rf\\fg\""));
        TlaValueSyntaxException e = assertThrows(TlaValueSyntaxException.class, () -> TlaValues.parse("\"a\\qb\""));
        assertEquals(1, e.line());
    }

    @Test
    void collections() {
        assertEquals(new TlaValue.Tuple(List.of()), TlaValues.parse("<<>>"));
        assertEquals(new TlaValue.Tuple(List.of(i(1), new TlaValue.Str("a"))), TlaValues.parse("<<1, \"a\">>"));
        assertEquals(new TlaValue.Set(List.of()), TlaValues.parse("{}"));
        assertEquals(new TlaValue.Set(List.of(i(-1), i(2))), TlaValues.parse("{-1, 2}"));
        Map<String, TlaValue> fields = new LinkedHashMap<>();
        fields.put("a", i(1));
        fields.put("b", new TlaValue.Bool(false));
        assertEquals(new TlaValue.Record(fields), TlaValues.parse("[a |-> 1, b |-> FALSE]"));
        assertEquals(new TlaValue.Function(List.of(new TlaValue.Entry(i(1), new TlaValue.Str("a")),
                new TlaValue.Entry(i(2), new TlaValue.Str("b")))), TlaValues.parse("(1 :> \"a\" @@ 2 :> \"b\")"));
        assertEquals(new TlaValue.Function(List.of(new TlaValue.Entry(new TlaValue.ModelValue("n1"), i(0)))),
                TlaValues.parse("(n1 :> 0)"));
        assertEquals(new TlaValue.Interval(BigInteger.ONE, BigInteger.valueOf(3)), TlaValues.parse("1..3"));
    }

    @Test
    void recordFieldNamedByDigits() {
        // Records read from trace JSON keep object keys as field names, e.g. a vector clock by node id.
        Map<String, TlaValue> fields = new LinkedHashMap<>();
        fields.put("1", i(2));
        fields.put("3", i(0));
        assertEquals(new TlaValue.Record(fields), TlaValues.parse("[1 |-> 2, 3 |-> 0]"));
    }

    @Test
    void deepNestingAcrossLines() {
        TlaValue v = TlaValues.parse("[ msgs |-> {[type |-> \"req\", to |-> <<1, {}>>]},\n"
                + "  votes |-> (s1 :> {s2} @@ s2 :> {}) ]");
        TlaValue.Record r = (TlaValue.Record) v;
        TlaValue.Set msgs = (TlaValue.Set) r.fields().get("msgs");
        TlaValue.Record msg = (TlaValue.Record) msgs.elements().get(0);
        assertEquals(new TlaValue.Tuple(List.of(i(1), new TlaValue.Set(List.of()))), msg.fields().get("to"));
        assertEquals("[msgs |-> {[type |-> \"req\", to |-> <<1, {}>>]}, votes |-> (s1 :> {s2} @@ s2 :> {})]",
                v.toTla());
    }

    @Test
    void statesInBothLayouts() {
        assertEquals(Map.of("x", i(0)), TlaValues.parseState("x = 0"));
        Map<String, TlaValue> s = TlaValues.parseState("/\\ x = 1\n/\\ y = <<\"a\">>\n");
        assertEquals(List.of("x", "y"), List.copyOf(s.keySet()));
        assertEquals(new TlaValue.Tuple(List.of(new TlaValue.Str("a"))), s.get("y"));
    }

    @Test
    void malformedTextIsRejectedWithPosition() {
        TlaValueSyntaxException e = assertThrows(TlaValueSyntaxException.class, () -> TlaValues.parse("[a |-> 1,\n b]"));
        assertEquals(2, e.line());
        assertThrows(TlaValueSyntaxException.class, () -> TlaValues.parse("<<1, 2"));
        assertThrows(TlaValueSyntaxException.class, () -> TlaValues.parse("1 2"));
        assertThrows(TlaValueSyntaxException.class, () -> TlaValues.parseState("/\\ x = 1 /\\ x = 2"));
        assertThrows(TlaValueSyntaxException.class, () -> TlaValues.parse("[a |-> 1, a |-> 2]"));
    }

    @Test
    void printedValuesParseBackToThemselves() {
        java.util.function.Predicate<TlaValue> fails = v -> {
            try {
                return !v.equals(TlaValues.parse(v.toTla()));
            } catch (RuntimeException e) {
                return true;
            }
        };
        for (long seed = 1; seed <= 300; seed++) {
            TlaValue v = new RandomValues(seed).value(4);
            if (fails.test(v)) {
                TlaValue minimal = RandomValues.shrink(v, fails);
                throw new AssertionError("seed " + seed + ": round trip fails; shrunk to " + minimal.toTla());
            }
        }
    }

    @Test
    void shrinkingFindsTheSmallestFailingPart() {
        TlaValue big = TlaValues.parse("<<1, [a |-> {\"x\", 7}], <<7>>>>");
        TlaValue minimal = RandomValues.shrink(big, v -> v.toTla().contains("7"));
        assertEquals(i(7), minimal);
    }

    @Test
    void jsonShapes() {
        assertEquals("{\"a\":[1,\"x\"],\"s\":{\"#set\":[true]},\"f\":{\"#map\":[[{\"#modelvalue\":\"m\"},-2]]}}",
                TlaJson.toJson(TlaValues.parse("[a |-> <<1, \"x\">>, s |-> {TRUE}, f |-> (m :> -2)]")).toString());
    }
}
