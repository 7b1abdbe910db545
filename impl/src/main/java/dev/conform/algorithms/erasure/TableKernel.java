package dev.conform.algorithms.erasure;

import java.util.Arrays;

/**
 * The portable kernel: one lookup in a 256-byte row of the multiplication table per byte and
 * coefficient, in plain Java.
 *
 * <p>Loop order is chosen for the cache. The shards are cut into blocks of {@link #BLOCK} bytes;
 * within a block every input is read once and folded into all outputs, so the outputs of the
 * block ({@code rows x BLOCK} bytes) stay in L1 while each input streams through once. The
 * naive order (one output at a time over the whole shard) would re-read every input from memory
 * once per output.
 *
 * <p>Coefficients 0 and 1 are common (the first parity row of a {@link ReedSolomon} matrix is
 * all ones, a RAID-5 style XOR) and skip the table: 1 is a copy or a plain XOR loop, which C2
 * compiles to SIMD (it measured faster than XORing eight bytes at a time through long views).
 * Other products stay a byte loop. Two alternatives measured slower: packing eight lookups into
 * a long before one long XOR, and keeping four output accumulators in registers across all
 * inputs (2x slower: it also looks up the all-ones row). One table lookup per byte and
 * coefficient is the cost here; {@link VectorKernel} does 16-64 of them per instruction.
 */
final class TableKernel implements CodingKernel {
    /** Block size in bytes: outputs of one block fit in a 32-48 KiB L1 for up to ~8 outputs. */
    static final int BLOCK = 4 * 1024;

    @Override
    public String name() {
        return "table";
    }

    @Override
    public void multiply(int[][] coef, byte[][] in, byte[][] out, int from, int to) {
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            for (int c = 0; c < in.length; c++) {
                byte[] src = in[c];
                for (int r = 0; r < out.length; r++) {
                    step(coef[r][c], src, out[r], start, end, c == 0);
                }
            }
        }
    }

    /** dst = f * src (first input) or dst += f * src (the others), over [from, to). */
    static void step(int f, byte[] src, byte[] dst, int from, int to, boolean first) {
        if (f == 0) {
            if (first) {
                Arrays.fill(dst, from, to, (byte) 0);
            }
        } else if (f == 1) {
            if (first) {
                System.arraycopy(src, from, dst, from, to - from);
            } else {
                xor(src, dst, from, to);
            }
        } else if (first) {
            setProduct(Gf256.mulRow(f), src, dst, from, to);
        } else {
            addProduct(Gf256.mulRow(f), src, dst, from, to);
        }
    }

    static void xor(byte[] src, byte[] dst, int from, int to) {
        for (int i = from; i < to; i++) {
            dst[i] ^= src[i]; // C2 compiles this plain loop to full-width SIMD XORs
        }
    }

    private static void setProduct(byte[] row, byte[] src, byte[] dst, int from, int to) {
        int i = from;
        for (; i < to; i++) {
            dst[i] = row[src[i] & 0xFF];
        }
    }

    private static void addProduct(byte[] row, byte[] src, byte[] dst, int from, int to) {
        int i = from;
        for (; i < to; i++) {
            dst[i] ^= row[src[i] & 0xFF];
        }
    }
}
