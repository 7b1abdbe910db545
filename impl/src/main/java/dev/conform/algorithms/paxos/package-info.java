/**
 * Multi-Paxos replicating the key-value store of Raft ({@code dev.conform.algorithms.raft.kv}),
 * with snapshots and catch-up of lagging or restarted replicas; paired with {@code specs/paxos}.
 *
 * <p>Every server is proposer, acceptor and learner. Ballots are natural numbers; the k-th
 * server (1-based, in the sorted server list of N) owns the ballots b with ((b-1) mod N)+1 = k.
 * Phase 1 runs once per ballot for all slots at once; then the leader runs phase 2 per slot.
 * Messages to oneself are not delivered by the runtime, so a proposer's own acceptor promises
 * and votes inside the proposer's step. The full rules are in /work/paxos-brief.md's
 * amendments and in specs/paxos/README.md.
 *
 * <h2>Code, spec action, trace events</h2>
 * <table>
 * <caption>Where each spec action is taken and what it records and sends</caption>
 * <tr><th>spec action</th><th>code</th><th>trigger</th><th>sends</th></tr>
 * <tr><td>StartBallot</td><td>{@link dev.conform.algorithms.paxos.Proposer#startBallot}</td>
 *     <td>timer {@code election} (not leading)</td><td>Prepare</td></tr>
 * <tr><td>HandlePrepare</td><td>{@link dev.conform.algorithms.paxos.Replica#handlePrepare}</td>
 *     <td>Prepare</td><td>Promise, or Nack</td></tr>
 * <tr><td>HandlePromise</td><td>{@link dev.conform.algorithms.paxos.Proposer#handlePromise}</td>
 *     <td>Promise</td><td>on a majority: Accept per adopted slot (value of the highest-ballot
 *     vote, else noop)</td></tr>
 * <tr><td>Propose</td><td>{@link dev.conform.algorithms.paxos.Proposer#propose}</td>
 *     <td>ClientRequest at the leader</td><td>Accept</td></tr>
 * <tr><td>RedirectClient / AnswerFromSession</td><td>{@code PaxosNode.clientRequest}</td>
 *     <td>ClientRequest (not leading / already applied)</td><td>ClientReply</td></tr>
 * <tr><td>HandleAccept</td><td>{@link dev.conform.algorithms.paxos.Replica#handleAccept}</td>
 *     <td>Accept</td><td>Accepted, or Nack</td></tr>
 * <tr><td>HandleAccepted</td><td>{@link dev.conform.algorithms.paxos.Proposer#handleAccepted}</td>
 *     <td>Accepted</td><td>Decide when a majority chose the slot</td></tr>
 * <tr><td>HandleDecide</td><td>{@link dev.conform.algorithms.paxos.Replica#handleDecide}</td>
 *     <td>Decide</td><td>-</td></tr>
 * <tr><td>Apply</td><td>{@link dev.conform.algorithms.paxos.PaxosNode#applyChosen}</td>
 *     <td>after any step that extends the chosen prefix</td><td>ClientReply (leader)</td></tr>
 * <tr><td>TakeSnapshot</td><td>{@link dev.conform.algorithms.paxos.PaxosNode#applyChosen}</td>
 *     <td>{@code snapshotEvery} slots applied since the last snapshot</td><td>-</td></tr>
 * <tr><td>SendHeartbeat</td><td>{@link dev.conform.algorithms.paxos.Proposer#sendHeartbeat}</td>
 *     <td>timer {@code heartbeat} (leading)</td><td>Heartbeat; Accept again for open slots</td></tr>
 * <tr><td>HandleHeartbeat</td><td>{@link dev.conform.algorithms.paxos.Replica#handleHeartbeat}</td>
 *     <td>Heartbeat</td><td>CatchUp when behind; InstallSnapshot when the leader is behind
 *     this server's snapshot; Nack to a stale leader</td></tr>
 * <tr><td>HandleCatchUp</td><td>{@link dev.conform.algorithms.paxos.Proposer#handleCatchUp}</td>
 *     <td>CatchUp</td><td>InstallSnapshot if needed, then Decide per chosen slot</td></tr>
 * <tr><td>HandleInstallSnapshot</td><td>{@link dev.conform.algorithms.paxos.Replica#handleInstallSnapshot}</td>
 *     <td>InstallSnapshot</td><td>-</td></tr>
 * <tr><td>HandleNack</td><td>{@link dev.conform.algorithms.paxos.Proposer#handleNack}</td>
 *     <td>Nack</td><td>-</td></tr>
 * <tr><td>Restart</td><td>the runtime's {@code restart} event (state: {@link
 *     dev.conform.algorithms.paxos.PaxosPersistentState})</td><td>crash + restart in the plan</td><td>-</td></tr>
 * </table>
 *
 * <p>Each action records the state after it ({@link dev.conform.algorithms.paxos.PaxosTraceState}):
 * ballot, promised, leader, accepted ({@code {slot: [ballot, value]}}), chosen ({@code {slot:
 * value}}), applied, snapshotIndex. The durable part ({@link dev.conform.algorithms.paxos.Acceptor})
 * is persisted once at the end of a handler, and the runtime makes it durable before the
 * handler's messages leave: a Promise or Accepted never reveals a promise or vote a crash could
 * lose.
 *
 * <h2>Run it, break it</h2>
 * <pre>
 * ./conform run paxos --seed 3 --chaos high --out run.ndjson
 * ./conform validate --java-only --trace run.ndjson
 * ./conform run paxos --seed 1 --chaos high --horizon 1000 --steps 2000 --flaw minority-quorum \
 *     --option snapshotEvery=4 --option electionMin=40 --option electionMax=80 --option heartbeat=15 \
 *     --option ops=4 --option retry=120 --out bad.ndjson   # validate: Agreement violated
 * </pre>
 * Flaws ({@link dev.conform.algorithms.paxos.PaxosFlaw}): {@code no-adopt-highest},
 * {@code accept-below-promise}, {@code snapshot-overwrites-newer}, {@code minority-quorum}.
 */
package dev.conform.algorithms.paxos;
