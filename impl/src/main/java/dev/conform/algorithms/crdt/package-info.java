/**
 * Conflict-free replicated data types, kept in sync by anti-entropy gossip: replication without
 * coordination.
 *
 * <h2>1. The problem</h2>
 * Replicas of one object accept updates independently, without asking anyone: a counter
 * incremented at three sites, a map written in two data centres during a partition. Consensus
 * would make them agree on an order first and would stop when a majority is unreachable. A CRDT
 * gives up the global order and instead makes the <em>state</em> such that any two replicas can
 * always be combined, in any order, any number of times, and end up equal once they have heard
 * of the same updates (strong eventual consistency).
 *
 * <h2>2. Lattices and join</h2>
 * The trick is algebraic. The states form a join semilattice: a partial order {@code leq} in
 * which any two states {@code a}, {@code b} have a least upper bound {@code a.merge(b)}. A join
 * is commutative (order of arrival does not matter), associative (grouping does not matter) and
 * idempotent (hearing the same thing twice does not matter). Local updates only move a state up
 * the order. Then a network that reorders, duplicates and loses messages can do no harm: whatever
 * arrives is joined in, and every replica climbs towards the join of all updates. The test
 * sources check these laws for every type here over thousands of seeded random executions, and
 * shrink any counterexample to the smallest execution that shows it.
 *
 * <ul>
 * <li>{@link dev.conform.algorithms.crdt.GCounter}: one count per replica, join = pointwise max,
 *     value = sum. Max, not sum: a duplicated message must not count twice.</li>
 * <li>{@link dev.conform.algorithms.crdt.PNCounter}: two G-Counters; the value may go down while
 *     the state still only grows.</li>
 * <li>{@link dev.conform.algorithms.crdt.LWWRegister} and
 *     {@link dev.conform.algorithms.crdt.LWWMap}: keep the write with the largest
 *     {@link dev.conform.algorithms.crdt.Timestamp}; a total order on timestamps makes "take the
 *     larger" a join.</li>
 * <li>{@link dev.conform.algorithms.crdt.ORSet}: add-wins observed-remove set. Each add gets a
 *     unique {@link dev.conform.algorithms.crdt.Dot}; a remove deletes only the dots it has
 *     observed, and a causal context (a version vector) remembers them, so an add the remover
 *     never saw survives.</li>
 * </ul>
 *
 * <h2>3. Anti-entropy gossip</h2>
 * {@link dev.conform.algorithms.crdt.GossipReplicaNode} applies a seeded client workload and,
 * on a timer, starts push-pull rounds with {@code fanout} peers chosen from a seeded source: it
 * pushes its whole state, the peer merges and replies with its own merged state. After a round
 * both hold the join of the two. A lost message just means a later round does the work; an
 * update reaches everyone in O(log n) rounds with high probability. Every change is persisted
 * before anything is sent, so even a crash cannot move a replica down the lattice.
 *
 * <h2>4. Why last-writer-wins breaks under clock skew</h2>
 * LWW needs a timestamp order that agrees with causality: if write w2 was made by someone who
 * had seen w1, w2 must win. Physical clocks do not give that. Say replica 1's clock runs 100
 * ticks ahead: it writes {@code k := a} at time 1100; replica 2 (clock 1000) receives it and then
 * writes {@code k := b} at time 1010. Write b is causally later, yet 1010 &lt; 1100: b loses
 * everywhere, silently, and every replica converges on the stale a. Convergence is not
 * correctness. {@code SkewScenarioTest} scripts exactly this; the TLA+ module
 * {@code specs/crdt/CrdtLww.tla} finds it by model checking (even without skew: two clocks
 * reading the same tick and the node-id tie-break suffice).
 *
 * <h2>5. Hybrid logical clocks</h2>
 * A {@link dev.conform.algorithms.crdt.HybridLogicalClock} is a pair (wall, logical). On a local
 * event wall becomes max(wall, physical time) and logical counts events within one wall value;
 * on receiving a timestamp, wall becomes the max of all three and logical moves past both. So a
 * timestamp is larger than every timestamp its owner has seen (happened-before implies larger
 * timestamp) while staying within the skew of physical time. With
 * {@link dev.conform.algorithms.crdt.ClockMode#HLC} the second write above is stamped
 * (1100, 1) and wins. Choose the clock with {@link dev.conform.algorithms.crdt.CrdtOptions}
 * (run option {@code clock=physical|hlc}).
 *
 * <h2>6. Mapping code, spec and trace</h2>
 * <table>
 * <caption>Where each step of {@link dev.conform.algorithms.crdt.GossipReplicaNode} shows up</caption>
 * <tr><th>code</th><th>trace events</th><th>TLA+ action ({@code specs/crdt/TraceCrdt.tla}, every
 *     type and clock mode)</th></tr>
 * <tr><td>update timer, client request (persisted)</td><td>timer update, action Increment /
 *     Decrement / Assign / Put / Add / Remove</td><td>{@code IsTimer}, {@code IsUpdate}</td></tr>
 * <tr><td>read timer, client read</td><td>timer read, action Read ({@link
 *     dev.conform.algorithms.crdt.ReadResult})</td><td>{@code IsTimer}, {@code IsRead}</td></tr>
 * <tr><td>gossip timer or reply, before each send (clock stamped, not persisted)</td><td>action
 *     SendGossip, then send Push / Reply</td><td>{@code IsSendGossip}, {@code IsSend}</td></tr>
 * <tr><td>message handler, the merge (persisted)</td><td>deliver, then action ReceiveGossip</td>
 *     <td>{@code IsDeliver}, {@code IsReceiveGossip}</td></tr>
 * <tr><td>restart</td><td>restart (with the persisted snapshot)</td><td>{@code IsRestart}: the
 *     replica is its last persisted snapshot; the clock of a later SendGossip is lost</td></tr>
 * </table>
 * Every action records a {@link dev.conform.algorithms.crdt.ReplicaSnapshot} (built only when
 * the context is tracing); LWW writes add a {@link dev.conform.algorithms.crdt.WriteRecord} with
 * the write's timestamp, its causal predecessor's timestamp and whether it survived its own
 * birth, which is what a checker needs to catch a lost causally later write.
 *
 * <h2>7. Running and breaking it</h2>
 * {@code conform run crdt --option type=lww-map --option clock=physical --plan skew.json}
 * records a trace; {@link dev.conform.algorithms.crdt.CrdtAlgorithm} lists all options. Swap
 * {@code max} for {@code +} in {@code GCounter.merge} and the merge-law tests fail on
 * idempotence with a one-update counterexample.
 */
package dev.conform.algorithms.crdt;
