package dev.conform.algorithms.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.prop.Arbitrary;
import dev.conform.runtime.prop.Gen;
import dev.conform.runtime.prop.Property;
import dev.conform.runtime.prop.Shrinker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field laws of GF(2^8), as seeded properties, and the tables against the slow oracle. */
class Gf256Test {
    private static final int TRIALS = 20_000;

    /** Three field elements; shrinks each toward 0 (then 1 by way of halving). */
    record Triple(int a, int b, int c) {
    }

    private static final Shrinker<Integer> ELEMENT = Shrinker.intToward(0);
    private static final Arbitrary<Triple> TRIPLES = new Arbitrary<>(
        rnd -> new Triple(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)),
        t -> {
            List<Triple> out = new ArrayList<>();
            ELEMENT.candidates(t.a()).forEach(a -> out.add(new Triple(a, t.b(), t.c())));
            ELEMENT.candidates(t.b()).forEach(b -> out.add(new Triple(t.a(), b, t.c())));
            ELEMENT.candidates(t.c()).forEach(c -> out.add(new Triple(t.a(), t.b(), c)));
            return out;
        });
    private static final Arbitrary<Integer> NON_ZERO = new Arbitrary<>(Gen.ints(1, 255), Shrinker.intToward(1));

    @Test
    void multiplicationIsAssociativeAndCommutative() {
        Property.assertHolds("mul associative", 1L, TRIALS, TRIPLES, t ->
            Gf256.mul(Gf256.mul(t.a(), t.b()), t.c()) == Gf256.mul(t.a(), Gf256.mul(t.b(), t.c())));
        Property.assertHolds("mul commutative", 2L, TRIALS, TRIPLES, t ->
            Gf256.mul(t.a(), t.b()) == Gf256.mul(t.b(), t.a()));
    }

    @Test
    void multiplicationDistributesOverAddition() {
        Property.assertHolds("distributive", 3L, TRIALS, TRIPLES, t ->
            Gf256.mul(t.a(), Gf256.add(t.b(), t.c())) == Gf256.add(Gf256.mul(t.a(), t.b()), Gf256.mul(t.a(), t.c())));
    }

    @Test
    void additionIsAGroupWhereEveryElementIsItsOwnInverse() {
        Property.assertHolds("add associative, 0 neutral, a + a = 0", 4L, TRIALS, TRIPLES, t ->
            Gf256.add(Gf256.add(t.a(), t.b()), t.c()) == Gf256.add(t.a(), Gf256.add(t.b(), t.c()))
                && Gf256.add(t.a(), 0) == t.a() && Gf256.add(t.a(), t.a()) == 0);
    }

    @Test
    void everyNonZeroElementHasAnInverseAndDivisionUndoesMultiplication() {
        Property.assertHolds("a * inv(a) = 1", 5L, TRIALS, NON_ZERO, a -> Gf256.mul(a, Gf256.inv(a)) == 1);
        Property.assertHolds("(a * b) / b = a", 6L, TRIALS, TRIPLES, t ->
            t.b() == 0 || Gf256.div(Gf256.mul(t.a(), t.b()), t.b()) == t.a());
        Property.assertHolds("mul by 1 and 0", 7L, TRIALS, TRIPLES, t ->
            Gf256.mul(t.a(), 1) == t.a() && Gf256.mul(t.a(), 0) == 0);
    }

    @Test
    void noZeroDivisors() {
        Property.assertHolds("a * b = 0 only if a or b is 0", 8L, TRIALS, TRIPLES, t ->
            (Gf256.mul(t.a(), t.b()) == 0) == (t.a() == 0 || t.b() == 0));
    }

    @Test
    void generatorHasOrder255AndLogInvertsExp() {
        boolean[] seen = new boolean[256];
        int x = 1;
        for (int i = 0; i < Gf256.ORDER; i++) {
            assertTrue(!seen[x], "2^" + i + " = " + x + " repeats: 2 is not primitive");
            seen[x] = true;
            assertEquals(x, Gf256.exp(i));
            assertEquals(i, Gf256.log(x));
            x = SlowGf.mul(x, Gf256.GENERATOR);
        }
        assertEquals(1, x, "2^255 = 1");
        assertTrue(!seen[0], "0 is never a power of the generator");
        Property.assertHolds("a^255 = 1 for a != 0", 9L, TRIALS, NON_ZERO, a -> Gf256.pow(a, 255) == 1);
        Property.assertHolds("pow adds exponents", 10L, TRIALS, TRIPLES, t ->
            Gf256.pow(t.a(), t.b() + t.c()) == Gf256.mul(Gf256.pow(t.a(), t.b()), Gf256.pow(t.a(), t.c())));
    }

    @Test
    void tablesAgreeWithSchoolbookPolynomialMultiplicationOnAllPairs() {
        for (int a = 0; a < 256; a++) {
            byte[] row = Gf256.mulRow(a);
            for (int b = 0; b < 256; b++) {
                int slow = SlowGf.mul(a, b);
                assertEquals(slow, Gf256.mul(a, b), a + " * " + b);
                assertEquals(slow, row[b] & 0xFF, "table row " + a + " at " + b);
            }
            if (a != 0) {
                assertEquals(SlowGf.inv(a), Gf256.inv(a), "inverse of " + a);
            }
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(ArithmeticException.class, () -> Gf256.inv(0));
        assertThrows(ArithmeticException.class, () -> Gf256.div(7, 0));
        assertThrows(ArithmeticException.class, () -> Gf256.log(0));
        assertThrows(IllegalArgumentException.class, () -> Gf256.mul(256, 1));
        assertThrows(IllegalArgumentException.class, () -> Gf256.add(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> Gf256.pow(3, -1));
    }
}
