package dev.conform.algorithms.erasure;

/**
 * The one hot loop of the codec: a matrix times a column of shards, byte by byte.
 *
 * <p>{@code out[r][i] = sum over c of coef[r][c] * in[c][i]} in GF(2^8), for i in
 * {@code [from, to)}. Encoding is this with the parity rows of the coding matrix and the data
 * shards as input; decoding is this with rows of an inverted matrix and the surviving shards.
 * Implementations differ only in speed, and must give identical bytes.
 */
interface CodingKernel {
    /**
     * Overwrites {@code out[r][from..to)} with the products; reads only {@code in[c][from..to)}.
     * {@code coef} has {@code out.length} rows of {@code in.length} elements in [0, 256). No
     * output array may also be an input.
     */
    void multiply(int[][] coef, byte[][] in, byte[][] out, int from, int to);

    /** A short name for benchmark tables and error messages. */
    String name();
}
