/**
 * PBFT (Castro and Liskov, OSDI '99, the signature variant) on n = 3f+1 replicas replicating the
 * key-value store of Raft ({@code dev.conform.algorithms.raft.kv}) for the same seeded workload;
 * paired with {@code specs/pbft}. The rules every honest replica follows are in the contract of
 * issue 16 (/work/pbft-brief.md and its amendments) and in specs/pbft/README.md.
 *
 * <p><b>Authentication.</b> Every message is a statement signed with Ed25519 by its claimed signer
 * ({@link dev.conform.algorithms.pbft.Signer}, {@link dev.conform.algorithms.pbft.KeyRing}) over
 * its canonical JSON ({@link dev.conform.algorithms.pbft.Canonical}). Signatures, not per-pair
 * MACs, because a view change forwards Checkpoints and prepared certificates to third parties,
 * which MACs cannot convince. Keys derive from the {@code keySeed} option (the run seed) and the
 * node id ({@link dev.conform.algorithms.pbft.Keys}), so traces replay byte for byte; keys are
 * never written. A delivery with any statement (top level or embedded) that fails verification
 * is consumed as {@code Unauthenticated} ({@link dev.conform.algorithms.pbft.Authenticity}).
 *
 * <h2>Code, spec action, trace events</h2>
 * <table>
 * <caption>Where each spec action is taken and what it sends</caption>
 * <tr><th>spec action</th><th>code</th><th>trigger</th><th>sends</th></tr>
 * <tr><td>ReceiveRequest</td><td>{@code NormalCase.receiveRequest}</td><td>ClientRequest</td>
 *     <td>primary: PrePrepare to all; backup: the request to the primary; executed: Reply</td></tr>
 * <tr><td>HandlePrePrepare</td><td>{@code NormalCase.handlePrePrepare}</td><td>PrePrepare</td>
 *     <td>Prepare (and Commit if that prepared it)</td></tr>
 * <tr><td>HandlePrepare / HandleCommit</td><td>{@code NormalCase.handlePrepare/handleCommit}</td>
 *     <td>Prepare / Commit</td><td>Commit once prepared</td></tr>
 * <tr><td>Execute</td><td>{@code NormalCase.execute}, one seq each</td><td>after a handler
 *     that committed the next seq</td><td>Reply; at multiples of K a Checkpoint</td></tr>
 * <tr><td>HandleCheckpoint</td><td>{@code NormalCase.handleCheckpoint}</td><td>Checkpoint</td>
 *     <td>none; 2f+1 matching the own state make it stable (h moves, log below discarded)</td></tr>
 * <tr><td>StartViewChange</td><td>{@code ViewChanges.start}</td><td>timer {@code request} or
 *     {@code viewChange}, or f+1 ViewChanges for higher views</td><td>ViewChange</td></tr>
 * <tr><td>HandleViewChange</td><td>{@code ViewChanges.handleViewChange}</td><td>ViewChange</td>
 *     <td>none</td></tr>
 * <tr><td>SendNewView</td><td>{@code ViewChanges.maybeSendNewView}</td><td>2f+1 ViewChanges at
 *     the new primary</td><td>NewView</td></tr>
 * <tr><td>HandleNewView</td><td>{@code ViewChanges.handleNewView}, checked by
 *     {@link dev.conform.algorithms.pbft.NewViewRule}</td><td>NewView</td><td>Prepare per PrePrepare</td></tr>
 * <tr><td>Ignore / Unauthenticated</td><td>any handler</td><td>a message the rules refuse /
 *     whose signature fails</td><td>none</td></tr>
 * <tr><td>AcceptResult (client)</td><td>{@link dev.conform.algorithms.pbft.PbftClient}</td>
 *     <td>f+1 matching Replies</td><td>the next request</td></tr>
 * </table>
 *
 * <p>Each replica records {@code {view, changing, h, executed, log, state}}
 * ({@code PbftTraceState}) and persists everything it holds ({@link
 * dev.conform.algorithms.pbft.PbftPersistentState}) at the end of each handler that changed it;
 * a restarted replica resumes from it and fetches no state, so a replica that fell behind the
 * others' stable checkpoint stays behind (state transfer is not implemented).
 *
 * <p><b>Run it, break it.</b> {@code ./conform run pbft --seed 3 --chaos high --out pbft.ndjson}
 * (plans may make up to f replicas Byzantine, see {@code byzantine.PbftAdversary}); teaching flaws
 * ({@link dev.conform.algorithms.pbft.PbftFlaw}): {@code --flaw prepared-2f}, {@code
 * unchecked-new-view}, {@code reply-f}, {@code no-digest-check}.
 */
package dev.conform.algorithms.pbft;
