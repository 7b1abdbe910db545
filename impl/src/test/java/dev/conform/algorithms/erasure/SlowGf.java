package dev.conform.algorithms.erasure;

/**
 * The test oracle: GF(2^8) and Reed-Solomon done the slow, obviously correct way, sharing no code
 * with the codec (no log/exp tables, no kernels). Multiplication is schoolbook polynomial
 * multiplication followed by long division by x^8 + x^4 + x^3 + x^2 + 1; inverses are found by
 * search; the coding matrix is built from the Cauchy formula; solving is Gaussian elimination.
 */
final class SlowGf {
    static final int POLY = 0x11D;

    private SlowGf() {
    }

    /** Carry-less product of two bytes as polynomials, then reduction mod POLY. */
    static int mul(int a, int b) {
        int product = 0; // degree <= 14
        for (int bit = 0; bit < 8; bit++) {
            if ((b >> bit & 1) != 0) {
                product ^= a << bit;
            }
        }
        for (int deg = 14; deg >= 8; deg--) { // long division: cancel each term of degree >= 8
            if ((product >> deg & 1) != 0) {
                product ^= POLY << (deg - 8);
            }
        }
        return product;
    }

    /** The b with a * b = 1, by trying all 255 candidates. */
    static int inv(int a) {
        for (int b = 1; b < 256; b++) {
            if (mul(a, b) == 1) {
                return b;
            }
        }
        throw new ArithmeticException("no inverse of " + a);
    }

    /** The (k+m) x k systematic generator [I ; C], C[i][j] = 1/(x_i + y_j) / (1/(x_0 + y_j)). */
    static int[][] generator(int k, int m) {
        int[][] g = new int[k + m][k];
        for (int j = 0; j < k; j++) {
            g[j][j] = 1;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                int cauchy = inv((k + i) ^ j);
                int firstRow = inv(k ^ j);
                g[k + i][j] = mul(cauchy, inv(firstRow)); // divide by C[0][j]
            }
        }
        return g;
    }

    /** rows x data: shard r, byte b = sum_j rows[r][j] * data[j][b]. */
    static byte[][] times(int[][] rows, byte[][] data) {
        int len = data[0].length;
        byte[][] out = new byte[rows.length][len];
        for (int r = 0; r < rows.length; r++) {
            for (int b = 0; b < len; b++) {
                int sum = 0;
                for (int j = 0; j < data.length; j++) {
                    sum ^= mul(rows[r][j], data[j][b] & 0xFF);
                }
                out[r][b] = (byte) sum;
            }
        }
        return out;
    }

    /**
     * Solves a * x = y for x by Gaussian elimination on [a | y] (a square, y a column of shards),
     * or returns null when a is singular.
     */
    static byte[][] solve(int[][] a, byte[][] y) {
        int n = a.length;
        int len = y[0].length;
        int[][] m = new int[n][];
        int[][] rhs = new int[n][len];
        for (int r = 0; r < n; r++) {
            m[r] = a[r].clone();
            for (int b = 0; b < len; b++) {
                rhs[r][b] = y[r][b] & 0xFF;
            }
        }
        for (int col = 0; col < n; col++) {
            int p = col;
            while (p < n && m[p][col] == 0) {
                p++;
            }
            if (p == n) {
                return null;
            }
            int[] t = m[p];
            m[p] = m[col];
            m[col] = t;
            t = rhs[p];
            rhs[p] = rhs[col];
            rhs[col] = t;
            int s = inv(m[col][col]);
            for (int c = 0; c < n; c++) {
                m[col][c] = mul(m[col][c], s);
            }
            for (int b = 0; b < len; b++) {
                rhs[col][b] = mul(rhs[col][b], s);
            }
            for (int r = 0; r < n; r++) {
                int f = m[r][col];
                if (r != col && f != 0) {
                    for (int c = 0; c < n; c++) {
                        m[r][c] ^= mul(f, m[col][c]);
                    }
                    for (int b = 0; b < len; b++) {
                        rhs[r][b] ^= mul(f, rhs[col][b]);
                    }
                }
            }
        }
        byte[][] x = new byte[n][len];
        for (int r = 0; r < n; r++) {
            for (int b = 0; b < len; b++) {
                x[r][b] = (byte) rhs[r][b];
            }
        }
        return x;
    }

    /** Whether the square matrix is invertible (elimination on a one-byte right-hand side). */
    static boolean invertible(int[][] a) {
        return solve(a, new byte[a.length][1]) != null;
    }
}
