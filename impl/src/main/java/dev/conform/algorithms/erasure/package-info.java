/**
 * Erasure coding: a systematic Reed-Solomon codec RS(k, m) over GF(2^8), the building block of
 * erasure-coded storage (a blob is cut into k data shards, m parity shards are added, and the
 * k+m shards go to distinct nodes; any k of them give the blob back).
 *
 * <h2>1. Why erasure coding</h2>
 * Replicating a blob three times survives two lost copies for 200% overhead. RS(10, 4) survives
 * any four lost shards of fourteen for 40%. The price is work (encoding, and decoding when data
 * shards are missing) and reads that touch k nodes; this package makes the work cheap.
 *
 * <h2>2. The field</h2>
 * {@link dev.conform.algorithms.erasure.Gf256} is GF(2^8): bytes with XOR as addition and
 * polynomial multiplication mod x^8 + x^4 + x^3 + x^2 + 1 ({@code 0x11D}). Every non-zero byte
 * has an inverse, so linear algebra (solving k equations in k unknowns) works on bytes exactly,
 * without rounding or growth. Log/exp tables build a full 256 x 256 multiplication table.
 *
 * <h2>3. The code</h2>
 * {@link dev.conform.algorithms.erasure.ReedSolomon} multiplies the k data shards by a
 * (k+m) x k matrix [I ; C] with C a Cauchy matrix whose first row is scaled to ones: the data
 * shards are stored as they are (systematic), parity 0 is plain XOR, and every k rows are
 * invertible (MDS), which is exactly "any k shards suffice". Decoding inverts the k x k matrix of
 * the surviving rows by Gauss-Jordan elimination and multiplies. The class Javadoc says why
 * Cauchy rather than a Vandermonde-derived matrix. {@link dev.conform.algorithms.erasure.Shard}
 * carries an index with its bytes, because the decoder must know which row made a shard.
 *
 * <h2>4. Speed</h2>
 * The single hot loop (a matrix times a column of shards) has two implementations with identical
 * output: a portable one with a 256-byte table row per coefficient, cache-blocked, and one on
 * the JDK's incubating Vector API that looks up 16-64 nibbles per shuffle instruction. The
 * second is used when the JVM runs with {@code --add-modules jdk.incubator.vector}
 * ({@code -Dconform.erasure.kernel=table|vector|auto} forces a choice). Figures, against a plain
 * XOR pass over the same data measured in the same run: {@code README.md} in this folder.
 *
 * <h2>5. How it is tested</h2>
 * Against an oracle sharing no code with it (schoolbook polynomial multiplication, inverses by
 * search, the Cauchy formula, Gaussian elimination): the tables for all 65,536 products, the
 * coding matrix, parity bytes for shard lengths around vector and block boundaries, both
 * kernels on random matrices; every erasure pattern of small codes, seeded random patterns of
 * RS(10,4), RS(12,4), RS(20,10) with shrinking to the shortest failing shard; that every k rows
 * of the generator are invertible; field laws as seeded properties. Longer sweeps carry the
 * {@code soak} tag.
 *
 * <h2>6. Breaking it</h2>
 * Replace C by a plain Vandermonde block ([I ; V], a classic mistake) and the MDS test finds
 * singular k-row subsets; change the primitive polynomial to {@code 0x11B} (AES's, for which 2
 * is not a generator) and the generator-order test fails; drop the tail loop of a kernel and the
 * oracle comparison fails at shard lengths that are not a multiple of the vector width.
 *
 * <p>The storage protocol over this codec (versions from a coordinator, write quorums of durable
 * shards, reads of the committed version, repair after disk loss) is
 * {@code dev.conform.algorithms.erasure.store}, paired with {@code specs/erasure}.
 */
package dev.conform.algorithms.erasure;
