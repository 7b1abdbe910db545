package dev.conform.algorithms.erasure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A systematic Reed-Solomon code RS(k, m) over {@link Gf256 GF(2^8)}: k data shards, m parity
 * shards, and any k of the k+m shards give back the data. Thread-safe and immutable.
 *
 * <h2>The coding matrix</h2>
 * Encoding multiplies the column of k data shards (bytewise, each byte position independently)
 * by an (k+m) x k matrix G = [I ; C]. The identity on top makes the code <em>systematic</em>: the
 * first k shards are the data itself, so reads without failures decode nothing. The code
 * survives any m losses exactly when every k x k matrix made of k rows of G is invertible, which
 * for G = [I ; C] holds exactly when every square submatrix of C is invertible (expand the
 * determinant along the identity rows).
 *
 * <p>We take C to be a <b>Cauchy matrix</b>, C[i][j] = 1 / (x_i + y_j) with the m + k elements
 * x_i and y_j all distinct (here y_j = j and x_i = k + i, hence k + m &lt;= 256). Every
 * square submatrix of a Cauchy matrix is again Cauchy, and a Cauchy determinant is a product of
 * non-zero differences, so the MDS property is immediate: no search, no inversion at setup.
 * The other classic choice, a Vandermonde matrix made systematic by multiplying with the inverse
 * of its top k x k block, is equally correct but needs that inversion and an argument that it
 * stays MDS; and the tempting shortcut [I ; Vandermonde] is <em>not</em> MDS in general (with
 * parity rows (i+1)^j, RS(5,3) has two sets of five shards that cannot be decoded). We then
 * divide each column j of C by C[0][j]. Scaling a column scales every minor by a non-zero
 * factor, so the code stays MDS, and the first parity row becomes all ones: parity 0 is the
 * plain XOR of the data (RAID 5), which the kernels compute eight bytes at a time.
 *
 * <h2>Decoding</h2>
 * Take any k surviving shards with indices s_1..s_k: they equal G_S * data, where G_S is those k
 * rows of G. So data = G_S^-1 * survivors. Only the rows of G_S^-1 for missing data shards are
 * used; lost parity shards are then re-encoded from the data. Surviving data shards are preferred
 * (the rows of the identity), so with no data shard lost nothing is inverted.
 *
 * <h2>Shapes</h2>
 * Shards are byte arrays of one common length, at least 1; byte i of every shard forms one
 * codeword, so any length works. {@link #encodeValue}/{@link #decodeValue} split a value into
 * equal zero-padded slices; the caller keeps the value's length (a storage protocol keeps it in
 * metadata, next to the version).
 */
public final class ReedSolomon {
    /** The field has 256 elements and the x_i, y_j must be distinct: at most 256 shards. */
    public static final int MAX_SHARDS = 256;

    private final int k;
    private final int m;
    /** G = [I ; C], (k+m) x k. */
    private final GfMatrix generator;
    /** C alone, m x k: the encoding coefficients handed to the kernel. */
    private final int[][] parityRows;
    private final CodingKernel kernel;

    private ReedSolomon(int k, int m, CodingKernel kernel) {
        this.k = k;
        this.m = m;
        this.kernel = kernel;
        int[][] g = new int[k + m][k];
        for (int j = 0; j < k; j++) {
            g[j][j] = 1;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                // x_i = k + i, y_j = j: distinct, so x_i + y_j (XOR) is never 0.
                int cauchy = Gf256.inv((k + i) ^ j);
                int firstRow = Gf256.inv(k ^ j); // C[0][j] before scaling
                g[k + i][j] = Gf256.div(cauchy, firstRow);
            }
        }
        this.generator = GfMatrix.of(g);
        this.parityRows = Arrays.copyOfRange(g, k, k + m);
    }

    /** RS(k, m) with the fastest kernel available in this JVM (see {@link Kernels}). */
    public static ReedSolomon create(int dataShards, int parityShards) {
        return create(dataShards, parityShards, Kernels.DEFAULT);
    }

    static ReedSolomon create(int dataShards, int parityShards, CodingKernel kernel) {
        if (dataShards < 1) {
            throw new IllegalArgumentException("need at least 1 data shard, got k=" + dataShards);
        }
        if (parityShards < 0) {
            throw new IllegalArgumentException("parity shard count must be >= 0, got m=" + parityShards);
        }
        if (dataShards + parityShards > MAX_SHARDS) {
            throw new IllegalArgumentException("k+m must be <= " + MAX_SHARDS + " in GF(2^8), got k="
                + dataShards + ", m=" + parityShards);
        }
        return new ReedSolomon(dataShards, parityShards, kernel);
    }

    public int dataShards() {
        return k;
    }

    public int parityShards() {
        return m;
    }

    public int totalShards() {
        return k + m;
    }

    /** The kernel this instance uses ("table" or "vector"), for benchmark reports. */
    public String kernelName() {
        return kernel.name();
    }

    /** Element (row, col) of the (k+m) x k coding matrix G = [I ; C]. */
    public int coefficient(int row, int col) {
        if (row < 0 || row >= k + m || col < 0 || col >= k) {
            throw new IllegalArgumentException("no element (" + row + ", " + col + ") in the " + (k + m) + " x " + k
                + " coding matrix");
        }
        return generator.get(row, col);
    }

    /**
     * Computes the m parity shards from the k data shards, overwriting {@code parity}.
     *
     * @param data   k arrays of one common length &gt;= 1
     * @param parity m arrays of that same length (written; not aliasing any data shard)
     */
    public void encodeParity(byte[][] data, byte[][] parity) {
        checkCount("data", data, k);
        checkCount("parity", parity, m);
        int len = commonLength(data, null, "data");
        for (int i = 0; i < m; i++) {
            if (parity[i] == null || parity[i].length != len) {
                throw new IllegalArgumentException("parity shard " + i + " must have length " + len + ", got "
                    + (parity[i] == null ? "null" : parity[i].length));
            }
        }
        if (m > 0) {
            kernel.multiply(parityRows, data, parity, 0, len);
        }
    }

    /** The k+m shards of {@code data}: the data arrays themselves, then m new parity arrays. */
    public byte[][] encode(byte[][] data) {
        checkCount("data", data, k);
        int len = commonLength(data, null, "data");
        byte[][] shards = new byte[k + m][];
        System.arraycopy(data, 0, shards, 0, k);
        byte[][] parity = new byte[m][len];
        encodeParity(data, parity);
        System.arraycopy(parity, 0, shards, k, m);
        return shards;
    }

    /**
     * Rebuilds every shard with {@code present[i] == false} in place, data and parity alike.
     * A missing slot may be null (a new array is stored there) or an array of the right length
     * (overwritten, so a caller can reuse buffers).
     *
     * @throws IllegalArgumentException with fewer than k present shards, or unequal lengths
     */
    public void reconstruct(byte[][] shards, boolean[] present) {
        checkCount("shard", shards, k + m);
        if (present == null || present.length != k + m) {
            throw new IllegalArgumentException("present must have " + (k + m) + " flags");
        }
        int[] chosen = chooseK(present, "reconstruct");
        int len = commonLength(shards, present, "present");
        for (int i = 0; i < k + m; i++) {
            if (!present[i] && (shards[i] == null || shards[i].length != len)) {
                shards[i] = new byte[len];
            }
        }
        recoverData(shards, present, chosen, len);
        recoverParity(shards, present, len);
    }

    /**
     * Splits {@code value} into k zero-padded slices of max(1, ceil(length/k)) bytes and encodes
     * them: the k+m shards, in index order. Keep {@code value.length} to decode.
     */
    public List<Shard> encodeValue(byte[] value) {
        int len = (int) Math.max(1, ((long) value.length + k - 1) / k);
        byte[][] data = new byte[k][len];
        for (int j = 0; j < k; j++) {
            int from = j * len;
            if (from < value.length) {
                System.arraycopy(value, from, data[j], 0, Math.min(len, value.length - from));
            }
        }
        byte[][] shards = encode(data);
        List<Shard> out = new ArrayList<>(k + m);
        for (int i = 0; i < k + m; i++) {
            out.add(new Shard(i, shards[i]));
        }
        return out;
    }

    /**
     * The value of {@code valueLength} bytes encoded as {@code shards}: any k or more shards of
     * one stripe, distinct indices, in any order. Shards are not modified.
     */
    public byte[] decodeValue(Collection<Shard> shards, int valueLength) {
        byte[][] slots = new byte[k + m][];
        boolean[] present = new boolean[k + m];
        for (Shard s : shards) {
            if (s.index() >= k + m) {
                throw new IllegalArgumentException("shard index " + s.index() + " out of range for RS(" + k + ","
                    + m + ")");
            }
            if (present[s.index()]) {
                throw new IllegalArgumentException("shard index " + s.index() + " given twice");
            }
            present[s.index()] = true;
            slots[s.index()] = s.bytes();
        }
        int[] chosen = chooseK(present, "decode");
        int len = commonLength(slots, present, "shard");
        if (valueLength < 0 || valueLength > (long) k * len) {
            throw new IllegalArgumentException("value length " + valueLength + " does not fit " + k + " shards of "
                + len + " bytes");
        }
        for (int j = 0; j < k; j++) {
            if (!present[j]) {
                slots[j] = new byte[len]; // only missing data slots are written; callers' arrays are not
            }
        }
        recoverData(slots, present, chosen, len);
        byte[] value = new byte[valueLength];
        for (int j = 0; j < k && j * len < valueLength; j++) {
            System.arraycopy(slots[j], 0, value, j * len, Math.min(len, valueLength - j * len));
        }
        return value;
    }

    /** Fills missing data shards from the k shards {@code chosen}: data = G_S^-1 * survivors. */
    private void recoverData(byte[][] shards, boolean[] present, int[] chosen, int len) {
        int missing = 0;
        for (int j = 0; j < k; j++) {
            if (!present[j]) {
                missing++;
            }
        }
        if (missing == 0) {
            return;
        }
        GfMatrix decode = generator.selectRows(chosen).inverse();
        int[][] rows = new int[missing][];
        byte[][] out = new byte[missing][];
        int r = 0;
        for (int j = 0; j < k; j++) {
            if (!present[j]) {
                rows[r] = new int[k];
                for (int c = 0; c < k; c++) {
                    rows[r][c] = decode.get(j, c);
                }
                out[r++] = shards[j];
            }
        }
        byte[][] in = new byte[k][];
        for (int c = 0; c < k; c++) {
            in[c] = shards[chosen[c]];
        }
        kernel.multiply(rows, in, out, 0, len);
    }

    /** Re-encodes missing parity shards from the (now complete) data shards. */
    private void recoverParity(byte[][] shards, boolean[] present, int len) {
        int missing = 0;
        for (int i = k; i < k + m; i++) {
            if (!present[i]) {
                missing++;
            }
        }
        if (missing == 0) {
            return;
        }
        int[][] rows = new int[missing][];
        byte[][] out = new byte[missing][];
        int r = 0;
        for (int i = k; i < k + m; i++) {
            if (!present[i]) {
                rows[r] = parityRows[i - k];
                out[r++] = shards[i];
            }
        }
        kernel.multiply(rows, Arrays.copyOf(shards, k), out, 0, len);
    }

    /** The first k present indices (surviving data shards first), or a clear error. */
    private int[] chooseK(boolean[] present, String verb) {
        int[] chosen = new int[k];
        int found = 0;
        for (int i = 0; i < k + m; i++) {
            if (present[i]) {
                if (found < k) {
                    chosen[found] = i;
                }
                found++;
            }
        }
        if (found < k) {
            throw new IllegalArgumentException("too few shards to " + verb + ": " + found + " present, RS(" + k + ","
                + m + ") needs " + k);
        }
        return chosen;
    }

    private static void checkCount(String what, byte[][] shards, int expected) {
        if (shards == null || shards.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " " + what + " shards, got "
                + (shards == null ? "null" : shards.length));
        }
    }

    /** The length shared by the shards that count (all, or those flagged in {@code present}). */
    private static int commonLength(byte[][] shards, boolean[] present, String what) {
        int len = -1;
        for (int i = 0; i < shards.length; i++) {
            if (present != null && !present[i]) {
                continue;
            }
            if (shards[i] == null) {
                throw new IllegalArgumentException(what + " shard " + i + " is null");
            }
            if (len == -1) {
                len = shards[i].length;
            } else if (shards[i].length != len) {
                throw new IllegalArgumentException("shard lengths differ: shard " + i + " has " + shards[i].length
                    + " bytes, others " + len);
            }
        }
        if (len == 0) {
            throw new IllegalArgumentException("shards must hold at least 1 byte");
        }
        if (len == -1) {
            throw new IllegalArgumentException("no shards given");
        }
        return len;
    }
}
