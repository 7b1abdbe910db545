package dev.conform.algorithms.erasure;

import java.util.Arrays;

/**
 * A small dense matrix over GF(2^8): the coding matrices of {@link ReedSolomon} (at most 256 rows
 * and columns). Immutable; only the few operations the codec needs: build, select rows, invert.
 */
final class GfMatrix {
    private final int[][] a;

    private GfMatrix(int[][] a) {
        this.a = a;
    }

    /** A copy of {@code rows} (each row a list of field elements, all rows the same length). */
    static GfMatrix of(int[][] rows) {
        int cols = rows[0].length;
        int[][] copy = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("ragged matrix");
            }
            copy[i] = rows[i].clone();
        }
        return new GfMatrix(copy);
    }

    int rows() {
        return a.length;
    }

    int cols() {
        return a[0].length;
    }

    int get(int r, int c) {
        return a[r][c];
    }

    /** The matrix made of rows {@code indices[0]}, {@code indices[1]}, ... of this one. */
    GfMatrix selectRows(int[] indices) {
        int[][] out = new int[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = a[indices[i]].clone();
        }
        return new GfMatrix(out);
    }

    /**
     * The inverse, by Gauss-Jordan elimination on [this | I]. Over a field every non-zero pivot
     * can be scaled to 1, and the field has no rounding, so the result is exact.
     *
     * @throws ArithmeticException if the matrix is singular
     */
    GfMatrix inverse() {
        int n = rows();
        if (cols() != n) {
            throw new IllegalArgumentException("not square: " + n + "x" + cols());
        }
        int[][] m = new int[n][2 * n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(a[r], 0, m[r], 0, n);
            m[r][n + r] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            while (pivot < n && m[pivot][col] == 0) {
                pivot++;
            }
            if (pivot == n) {
                throw new ArithmeticException("singular matrix");
            }
            int[] swap = m[pivot];
            m[pivot] = m[col];
            m[col] = swap;
            int scale = Gf256.inv(m[col][col]);
            for (int c = 0; c < 2 * n; c++) {
                m[col][c] = Gf256.mul(m[col][c], scale);
            }
            for (int r = 0; r < n; r++) {
                int f = m[r][col];
                if (r != col && f != 0) {
                    for (int c = 0; c < 2 * n; c++) {
                        m[r][c] ^= Gf256.mul(f, m[col][c]); // row_r -= f * row_col
                    }
                }
            }
        }
        int[][] inv = new int[n][];
        for (int r = 0; r < n; r++) {
            inv[r] = Arrays.copyOfRange(m[r], n, 2 * n);
        }
        return new GfMatrix(inv);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int[] row : a) {
            sb.append(Arrays.toString(row)).append('\n');
        }
        return sb.toString();
    }
}
