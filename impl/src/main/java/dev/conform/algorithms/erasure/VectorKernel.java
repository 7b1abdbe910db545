package dev.conform.algorithms.erasure;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernel, on the JDK's incubating Vector API (loaded only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; see {@link Kernels}).
 *
 * <p>Multiplication by a constant f is linear over XOR, so f * b = f * (high nibble of b &lt;&lt; 4)
 * + f * (low nibble of b). Each half has only 16 possible values: two 16-entry tables, which fit
 * in one vector register each, and a byte shuffle (x86 PSHUFB, VPERMB) looks up a whole vector of
 * nibbles in one instruction. So one vector of products costs two shuffles, a shift, two ANDs and
 * an XOR, for 16 to 64 bytes at once instead of one table load per byte.
 *
 * <p>The loop order differs from {@link TableKernel}'s: with products this cheap, loading and
 * storing the outputs once per input would dominate, so each vector position is finished for up
 * to four outputs at once, their sums held in registers, before moving on. The k inputs stream
 * through in step, which the hardware prefetchers follow. Tails shorter than a vector use the
 * table kernel, so the two kernels give identical bytes by construction.
 */
final class VectorKernel implements CodingKernel {
    private static final CodingKernel TABLE = new TableKernel();
    private static final VectorSpecies<Byte> S = ByteVector.SPECIES_PREFERRED;
    /** LOW[f] / HIGH[f]: f * i and f * (i &lt;&lt; 4) for i = lane mod 16, one vector's worth of lanes. */
    private static final byte[][] LOW = new byte[256][S.length()];
    private static final byte[][] HIGH = new byte[256][S.length()];

    static {
        for (int f = 0; f < 256; f++) {
            for (int lane = 0; lane < S.length(); lane++) {
                LOW[f][lane] = (byte) Gf256.mul(f, lane & 0x0F);
                HIGH[f][lane] = (byte) Gf256.mul(f, (lane & 0x0F) << 4);
            }
        }
    }

    @Override
    public String name() {
        return "vector" + S.vectorBitSize();
    }

    @Override
    public void multiply(int[][] coef, byte[][] in, byte[][] out, int from, int to) {
        int vectorEnd = from + S.loopBound(to - from);
        for (int r = 0; r < out.length; r += 4) {
            upToFourRows(coef, in, out, r, Math.min(4, out.length - r), from, vectorEnd);
        }
        if (vectorEnd < to) {
            TABLE.multiply(coef, in, out, vectorEnd, to); // the tail, shorter than one vector
        }
    }

    /**
     * Outputs r0 .. r0+n-1 (n &lt;= 4) over [from, to), a whole number of vectors. Each input vector
     * is loaded and split into nibbles once and folded into four accumulators held in registers,
     * so an output is written once per vector instead of once per input. Rows beyond n are skipped
     * by tests on n, which does not change inside the loop: one loop instead of four copies.
     */
    private static void upToFourRows(int[][] coef, byte[][] in, byte[][] out, int r0, int n, int from, int to) {
        int vl = S.length();
        int k = in.length;
        // tables[(c * 4 + j) * 2 * vl ...]: low then high nibble table for row r0+j, input c,
        // laid out in the order the loop reads them.
        byte[] tables = new byte[k * 8 * vl];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < n; j++) {
                int f = coef[r0 + j][c];
                System.arraycopy(LOW[f], 0, tables, (c * 4 + j) * 2 * vl, vl);
                System.arraycopy(HIGH[f], 0, tables, (c * 4 + j) * 2 * vl + vl, vl);
            }
        }
        byte[] out0 = out[r0];
        byte[] out1 = n > 1 ? out[r0 + 1] : null;
        byte[] out2 = n > 2 ? out[r0 + 2] : null;
        byte[] out3 = n > 3 ? out[r0 + 3] : null;
        ByteVector zero = ByteVector.zero(S);
        for (int i = from; i < to; i += vl) {
            ByteVector acc0 = zero;
            ByteVector acc1 = zero;
            ByteVector acc2 = zero;
            ByteVector acc3 = zero;
            for (int c = 0, t = 0; c < k; c++, t += 8 * vl) {
                ByteVector v = ByteVector.fromArray(S, in[c], i);
                VectorShuffle<Byte> lo = v.and((byte) 0x0F).toShuffle();
                // x86 has no byte shift: shift 16-bit lanes and mask off the bits from the neighbour byte.
                VectorShuffle<Byte> hi = v.reinterpretAsShorts().lanewise(VectorOperators.LSHR, 4)
                    .reinterpretAsBytes().and((byte) 0x0F).toShuffle();
                acc0 = acc0.lanewise(VectorOperators.XOR, lookup(tables, t, lo, hi));
                if (n > 1) {
                    acc1 = acc1.lanewise(VectorOperators.XOR, lookup(tables, t + 2 * vl, lo, hi));
                }
                if (n > 2) {
                    acc2 = acc2.lanewise(VectorOperators.XOR, lookup(tables, t + 4 * vl, lo, hi));
                }
                if (n > 3) {
                    acc3 = acc3.lanewise(VectorOperators.XOR, lookup(tables, t + 6 * vl, lo, hi));
                }
            }
            acc0.intoArray(out0, i);
            if (n > 1) {
                acc1.intoArray(out1, i);
            }
            if (n > 2) {
                acc2.intoArray(out2, i);
            }
            if (n > 3) {
                acc3.intoArray(out3, i);
            }
        }
    }

    /** f * v for the f whose nibble tables start at tables[at]: two shuffles and an XOR. */
    private static ByteVector lookup(byte[] tables, int at, VectorShuffle<Byte> lo, VectorShuffle<Byte> hi) {
        ByteVector low = ByteVector.fromArray(S, tables, at);
        ByteVector high = ByteVector.fromArray(S, tables, at + S.length());
        return low.rearrange(lo).lanewise(VectorOperators.XOR, high.rearrange(hi));
    }
}
