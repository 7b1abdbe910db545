package dev.conform.algorithms.erasure;

/**
 * The finite field GF(2^8): the 256 byte values with carry-less arithmetic.
 *
 * <p>An element is a polynomial of degree below 8 over GF(2), its coefficients the bits of a byte
 * ({@code 0x13} is x^4 + x + 1). Addition adds coefficients mod 2, which is XOR: every element is
 * its own negative, so subtraction is XOR too. Multiplication multiplies the polynomials and
 * reduces mod the primitive polynomial {@link #PRIMITIVE_POLYNOMIAL} = x^8 + x^4 + x^3 + x^2 + 1
 * ({@code 0x11D}, the one used by most storage codes). "Primitive" means that x, written
 * {@link #GENERATOR} = 2, generates the multiplicative group: 2^0, 2^1, ..., 2^254 are the 255
 * non-zero elements, each once. That gives every non-zero a a logarithm, and
 * a * b = exp(log a + log b), which is how the tables below are built.
 *
 * <p>The coding loops do not call {@link #mul} per byte: they take a 256-byte row of the full
 * multiplication table ({@link #mulRow}), so multiplying a whole shard by a constant is one table
 * lookup per byte, with no branch for zero and no modular reduction.
 */
public final class Gf256 {
    /** x^8 + x^4 + x^3 + x^2 + 1. */
    public static final int PRIMITIVE_POLYNOMIAL = 0x11D;
    /** The element x, a generator of the 255 non-zero elements. */
    public static final int GENERATOR = 2;
    /** Number of non-zero elements: the order of the multiplicative group. */
    public static final int ORDER = 255;

    /** EXP[i] = 2^i, stored twice over (i in [0, 510)) so exp(log a + log b) needs no "mod 255". */
    private static final int[] EXP = new int[2 * ORDER];
    /** LOG[a] = i with 2^i = a, for a != 0; LOG[0] is unused. */
    private static final int[] LOG = new int[256];
    /** MUL[a][b] = a * b: 64 KiB, so a coding loop fetches the 256-byte row of its constant once. */
    private static final byte[][] MUL = new byte[256][256];

    static {
        int x = 1;
        for (int i = 0; i < ORDER; i++) {
            EXP[i] = x;
            EXP[i + ORDER] = x;
            LOG[x] = i;
            x <<= 1; // multiply by x ...
            if ((x & 0x100) != 0) {
                x ^= PRIMITIVE_POLYNOMIAL; // ... and reduce: x^8 = x^4 + x^3 + x^2 + 1
            }
        }
        for (int a = 1; a < 256; a++) {
            for (int b = 1; b < 256; b++) {
                MUL[a][b] = (byte) EXP[LOG[a] + LOG[b]];
            }
        }
    }

    private Gf256() {
    }

    /** a + b (and a - b): XOR. */
    public static int add(int a, int b) {
        return check(a) ^ check(b);
    }

    /** a * b. */
    public static int mul(int a, int b) {
        return MUL[check(a)][check(b)] & 0xFF;
    }

    /** a / b; b must not be 0. */
    public static int div(int a, int b) {
        if (check(b) == 0) {
            throw new ArithmeticException("division by zero in GF(2^8)");
        }
        return check(a) == 0 ? 0 : EXP[LOG[a] + ORDER - LOG[b]];
    }

    /** The multiplicative inverse of a; a must not be 0. */
    public static int inv(int a) {
        return div(1, a);
    }

    /** a^e for e &gt;= 0 (0^0 = 1). */
    public static int pow(int a, int e) {
        if (e < 0) {
            throw new IllegalArgumentException("negative exponent " + e);
        }
        if (e == 0) {
            return 1;
        }
        return check(a) == 0 ? 0 : EXP[(int) ((long) LOG[a] * e % ORDER)];
    }

    /** GENERATOR^i for any i &gt;= 0. */
    public static int exp(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("negative exponent " + i);
        }
        return EXP[i % ORDER];
    }

    /** The discrete logarithm of a non-zero a, in [0, 255). */
    public static int log(int a) {
        if (check(a) == 0) {
            throw new ArithmeticException("log of zero in GF(2^8)");
        }
        return LOG[a];
    }

    /**
     * The row c * b for all 256 b, shared and not to be written: the coding loops' lookup table.
     * Package-private so no caller outside the codec can corrupt the field.
     */
    static byte[] mulRow(int c) {
        return MUL[check(c)];
    }

    private static int check(int a) {
        if ((a & ~0xFF) != 0) {
            throw new IllegalArgumentException("not a GF(2^8) element: " + a);
        }
        return a;
    }
}
