/**
 * SWIM membership and failure detection (Das, Gupta and Motivala, DSN 2002): every member probes one
 * other member per protocol period, asks {@code k} helpers to probe it indirectly when no Ack comes
 * within {@code probeTimeout}, suspects it when neither answer comes by the end of the period, and
 * declares it dead when the suspicion outlives {@code suspectTimeout}; a suspected member refutes
 * by raising its incarnation. Membership updates ride piggybacked on the probes (at most
 * {@code piggyback} per message, each {@code retransmit} times, least-sent first). Joiners (the
 * {@code joiners} highest ids) join through the seed (the lowest id); the highest-id initial member
 * leaves at round {@code leaveAt} (0: nobody). Spec: {@code specs/swim}; Java invariants:
 * {@code dev.conform.checker.invariants.swim}; the contract both halves follow, with the rules the
 * brief left open (own entry on every message, probing dead members, telling a suspect or dead
 * sender, precedence on absent and Left entries), is the spec README's event table.
 *
 * <p>Per member: a view (status alive/suspect/dead/left and incarnation per other member, two
 * arrays, see {@link dev.conform.algorithms.swim.SwimView}, whose {@code overrides} is the
 * precedence), a dissemination queue ({@link dev.conform.algorithms.swim.Disseminator}), the probe
 * of the period and the PingReq relays. Durable: only the own incarnation
 * ({@link dev.conform.algorithms.swim.SwimState}), persisted before any send that announces it.
 * Shuffles and helper picks come from a generator seeded by (option {@code shuffleSeed}, default the
 * run seed; member; incarnation), never from a global source, so a seed replays byte for byte.
 *
 * <table>
 * <caption>code, spec action and trace event</caption>
 * <tr><th>code</th><th>spec action</th><th>trace</th></tr>
 * <tr><td>{@code onTimer("probe")}</td><td>{@code Suspect} (or, flawed, {@code Confirm}) when the
 *     last probe got no Ack and its target is alive; then {@code Probe}, {@code Leave} or
 *     {@code Join}</td><td>timer {@code probe}; action {@code Suspect {inc, round, view: {q: suspect}}};
 *     action {@code Probe {inc, round + 1, view: {}}}, send {@code Ping {seq, updates}}</td></tr>
 * <tr><td>{@code onTimer("probe-timeout")}</td><td>{@code IndirectProbe}</td>
 *     <td>timer; action; up to k sends {@code PingReq {seq, target, updates}}</td></tr>
 * <tr><td>{@code onTimer("suspect-q")}</td><td>{@code Confirm}</td>
 *     <td>timer; action {@code Confirm {view: {q: dead}}} when q is still suspect</td></tr>
 * <tr><td>{@code onMessage(Ping | PingReq | Ack)}</td><td>{@code HandlePing}, {@code HandlePingReq},
 *     {@code HandleAck}, then {@code Refute} if suspected</td><td>deliver; action with the view
 *     entries its updates changed; action {@code Refute {inc + 1}}; then the reply: Ack to the pinger,
 *     Ping to the target, or the relayed Ack to the origin</td></tr>
 * <tr><td>{@code onMessage(Join | JoinAck)}</td><td>{@code HandleJoin}, {@code HandleJoinAck}</td>
 *     <td>deliver; action; send {@code JoinAck {members}} (HandleJoin)</td></tr>
 * <tr><td>{@code onMessage(*)} after leaving</td><td>{@code Discard}</td><td>deliver; action</td></tr>
 * <tr><td>{@code onStart} after a restart</td><td>{@code Rejoin}</td>
 *     <td>restart {@code {inc}}; action {@code Rejoin {inc + 1, round 0, view: the initial view}}</td></tr>
 * </table>
 *
 * <p>Teaching flaws ({@link dev.conform.algorithms.swim.SwimFlaw}): {@code no-suspicion} (a failed
 * probe declares death at once; the Java {@code SuspectBeforeDead} catches it) and
 * {@code refute-same-incarnation} (refutation without a higher incarnation, accepted by receivers
 * over the suspicion; {@code ViewPrecedence} and {@code RefuteWithHigherIncarnation} catch it). Run
 * {@code ./conform run swim --seed 3 --chaos high --out run.ndjson}, then
 * {@code ./conform validate --trace run.ndjson --spec specs/swim/TraceSwim.tla --lib specs/lib}; add
 * {@code --option joiners=1 --option leaveAt=5 --servers 5} for a join and a leave. The same node runs
 * as real processes over TCP: {@code conform cluster start swim --nodes 4}, {@code kill}/{@code restart}
 * a node, {@code stop}, then {@code cluster trace} merges a trace both checkers accept.
 *
 * <p>Timing: the defaults (period 10, probeTimeout 3, suspectTimeout 30 ticks) are short against the
 * simulator's 1..10-tick message delay, so small groups suspect and refute often (good coverage);
 * groups of 50 and more need a period above three round trips (e.g. 60, 20, 180) to settle.
 */
package dev.conform.algorithms.swim;
