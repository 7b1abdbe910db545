/**
 * An erasure-coded key-value store over the Reed-Solomon codec of
 * {@code dev.conform.algorithms.erasure}; paired with {@code specs/erasure}.
 *
 * <h2>Design, and why</h2>
 * <ul>
 * <li><b>Roles.</b> The lowest server id is the coordinator; the other k + m servers are storage
 *     nodes, and the i-th lowest of them holds shard index i of every version of every key. A run
 *     has k + m + 1 servers (RS(2,1): 4). Clients are the shared key-value clients
 *     ({@code dev.conform.algorithms.raft.kv.KvClientNode}) with a put/get workload, so the gate's
 *     key-value linearizability check applies unchanged.</li>
 * <li><b>Concurrent writers are ordered by the coordinator</b>, as a Ceph primary orders the
 *     writes of its placement group: it gives out versions 1, 2, ... per key from durable metadata
 *     (next version, committed version per key, and each client's last acknowledged put) that is
 *     persisted before any shard of the version leaves. That metadata is the truth about versions;
 *     making it fault-tolerant (putting it on Raft or Multi-Paxos) is left out on purpose: the
 *     coordinator may crash and restart, but its disk is never lost.</li>
 * <li><b>Writes.</b> A put encodes the value into k + m shards and sends shard i to storage node i;
 *     it is acknowledged after W (option {@code writeQuorum}, default k + m) storage nodes
 *     acknowledged their shard durable. Then every storage node is told the committed version and
 *     drops older ones. With W durable shards acknowledged, up to W - k disks can be lost and k
 *     shards of every committed version remain: enough to read and to repair.</li>
 * <li><b>Reads</b> fetch the shard of exactly the committed version from every storage node and
 *     decode from the first k that arrive. Never from shards of different versions: those decode to
 *     garbage, not to either value.</li>
 * <li><b>Repair</b> (every {@code repairEvery} ticks) asks every storage node for its shard of each
 *     key's committed version and rebuilds the shard of each node that has none (a wiped disk, a
 *     Store lost while the node was down). Reed-Solomon is deterministic, so the rebuilt shard is
 *     byte-identical to the one the write sent; a node that meanwhile committed a newer version
 *     refuses it.</li>
 * <li><b>Exactly-once puts.</b> A client retries after {@code retry} ticks with the same sequence
 *     number; the session table answers a put already acknowledged (else a retry could write its
 *     value again after another client's write), and a retry of a put still pending starts a new
 *     version that supersedes the old one, which can then never be acknowledged.</li>
 * </ul>
 *
 * <h2>Code, spec action, trace events</h2>
 * <table>
 * <caption>Where each spec action is taken and what it sends</caption>
 * <tr><th>spec action</th><th>code</th><th>trigger</th><th>sends</th></tr>
 * <tr><td>StartWrite</td><td>{@code Coordinator.startWrite}</td><td>ClientRequest put</td>
 *     <td>Store of shard i to storage node i</td></tr>
 * <tr><td>AnswerFromSession</td><td>{@code Coordinator.clientRequest}</td>
 *     <td>ClientRequest put at or below the client's session</td><td>ClientReply</td></tr>
 * <tr><td>HandleStoreAck, AckWrite</td><td>{@code Coordinator.handleStoreAck}</td><td>StoreAck
 *     (AckWrite after it in the same step, on the W-th distinct ack)</td>
 *     <td>ClientReply to the writer, Commit to every storage node</td></tr>
 * <tr><td>StartRead (+ CompleteRead at once for a key never written)</td>
 *     <td>{@link dev.conform.algorithms.erasure.store.Reads}</td><td>ClientRequest get</td>
 *     <td>Fetch "read" to every storage node (or the ClientReply)</td></tr>
 * <tr><td>HandleShard, then CompleteRead per waiting read and RepairShard</td>
 *     <td>{@code Coordinator.handleShard}, {@code Reads.complete}, {@code Repairs.tryRepair}</td>
 *     <td>ShardReply</td><td>ClientReply per completed read; Store of the rebuilt shards</td></tr>
 * <tr><td>StartRepair</td><td>{@link dev.conform.algorithms.erasure.store.Repairs#start}</td>
 *     <td>timer {@code repair}</td><td>Fetch "repair" per key to every storage node</td></tr>
 * <tr><td>HandleStore</td><td>{@code StorageNode.handleStore}</td><td>Store</td>
 *     <td>StoreAck (not for a version below the node's committed one)</td></tr>
 * <tr><td>HandleFetch</td><td>{@code StorageNode.handleFetch}</td><td>Fetch</td><td>ShardReply
 *     (data "" and length -1 when it holds none of that version)</td></tr>
 * <tr><td>HandleCommit</td><td>{@code StorageNode.handleCommit}</td><td>Commit</td><td>-</td></tr>
 * <tr><td>Crash, Restart, Wipe</td><td>the runtime's {@code crash}, {@code restart} and
 *     {@code fault} "wipe" events</td><td>the fault plan</td><td>-</td></tr>
 * </table>
 * The coordinator records {@code {"nextVersion", "committed", "sessions", "pending"}} (plus
 * {@code "used": [[index, version], ...]} on CompleteRead and RepairShard); a storage node records
 * {@code {"shards": {key: {"<version>": {"data": hex, "length": n}}}, "committed": {key: v}}},
 * which is also exactly what it persists, so a restart event carries it (nothing after a wipe).
 *
 * <h2>Disk loss</h2>
 * With {@code --option diskLoss=true} chaos plans wipe storage nodes' disks
 * ({@link dev.conform.runtime.nemesis.FaultEvent.Wipe}: a crashed node restarts from nothing), at
 * most W - k per plan ({@link dev.conform.algorithms.erasure.store.ErasureAlgorithm#diskLoss});
 * every other algorithm's plans stay exactly as they were.
 *
 * <h2>Run it, break it</h2>
 * <pre>
 * ./conform run erasure --seed 3 --chaos high --horizon 1000 --option diskLoss=true --out run.ndjson
 * ./conform validate --java-only --trace run.ndjson
 * ./conform explore erasure --seeds 200 --intensity HIGH --horizon 1000 --steps 20000 --option diskLoss=true \
 *     --flaw repair-mixed-versions      # NoMixedRead / RepairExact
 * ./conform explore erasure ... --flaw ack-before-quorum   # AckWrite after k StoreAcks: rejected at that step
 * </pre>
 * Flaws ({@link dev.conform.algorithms.erasure.store.ErasureFlaw}): {@code ack-before-quorum}
 * (acknowledge after k durable shards, not W: a disk loss then leaves fewer than k, Durable),
 * {@code repair-mixed-versions} (repair pools shards by key whatever their version).
 */
package dev.conform.algorithms.erasure.store;
