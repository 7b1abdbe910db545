/**
 * Raft consensus, written as a pure state machine on the process API of
 * {@link dev.conform.runtime}: the same code runs in the deterministic simulator and over TCP.
 *
 * <h2>The problem</h2>
 *
 * A cluster of servers (ids 1..n) keeps a replicated log of commands. Every server applies the
 * committed prefix of its log, in order, to a deterministic {@link
 * dev.conform.algorithms.raft.StateMachine}; if all servers agree on the committed prefix they
 * hold the same state, whatever messages are lost, delayed, duplicated or reordered, and
 * whichever minority of servers crashes and restarts. Raft (Ongaro and Ousterhout, 2014) reaches
 * that agreement with a strong leader.
 *
 * <h2>Terms, roles and election</h2>
 *
 * Time is divided into <em>terms</em> numbered 1, 2, ...; every term has at most one leader. A
 * server is a Follower, a Candidate or a Leader ({@link dev.conform.algorithms.raft.Role}). A
 * follower that hears no leader for a randomised election timeout (the runtime draws it in
 * [electionMin, electionMax]) starts an election: it increments its term, votes for itself and
 * sends RequestVote to every other server ({@link dev.conform.algorithms.raft.Election}). A server
 * grants at most one vote per term, and only to a candidate whose log is at least as up-to-date
 * as its own: a later last term, or the same last term and at least the same length. A
 * candidate with votes from a majority becomes leader. Any message carrying a higher term turns
 * its receiver into a follower of that term first (UpdateTerm); a message with a lower term is
 * answered with the current term so its sender steps down.
 *
 * <h2>Replication</h2>
 *
 * The leader appends each client command to its own log and sends AppendEntries to every
 * follower: the entries from the follower's nextIndex on, together with the index and term of
 * the entry just before them ({@link dev.conform.algorithms.raft.Replication}). The follower
 * accepts only if its own log has that entry (the <em>consistency check</em>); then it deletes
 * its entries from the first one that conflicts with the leader's (same index, other term) and
 * appends the rest, never truncating when nothing conflicts. By induction, two logs that hold an
 * entry with the same index and term agree on every entry before it (Log Matching). A rejection
 * carries the follower's last index as a hint; the leader moves nextIndex back to
 * {@code max(1, min(nextIndex - 1, hint + 1))} and tries again. Empty AppendEntries every
 * heartbeat interval keep followers from starting elections.
 *
 * <h2>The commit rule</h2>
 *
 * A leader marks index N committed when N is stored on a majority and the entry at N has the
 * leader's <em>current</em> term ({@link dev.conform.algorithms.raft.CommitRule}); the entries
 * before N become committed with it. Counting replicas of an older-term entry is not enough:
 * Figure 8 of the paper shows such an entry being overwritten by a later leader. Followers learn
 * the commit index from leaderCommit, capped by the end of the prefix they just verified.
 *
 * <h2>Persistence and restart</h2>
 *
 * currentTerm, votedFor, the log and the snapshot ({@code DurableState}) are written with
 * {@code ctx.persist} as one immutable {@link dev.conform.algorithms.raft.RaftPersistentState}
 * once at the end of every handler that changed them; the runtime makes that state durable before
 * any message of the handler leaves the server (see {@link dev.conform.runtime.Context}), so no
 * answer depends on state a crash could lose. A crashed server is rebuilt from
 * that record ({@link dev.conform.algorithms.raft.RaftNode#RaftNode}) as a follower whose commit
 * index is its snapshot index; it relearns the rest from the leader.
 *
 * <h2>Snapshots</h2>
 *
 * Once {@code snapshotEvery} applied entries follow the last snapshot, a server replaces that
 * prefix of its log by the state machine's snapshot (TakeSnapshot). A leader that no longer
 * holds the entries a follower needs sends InstallSnapshot; the follower keeps the entries after
 * the snapshot if its log holds the snapshot's last entry, and otherwise starts an empty log
 * after it.
 *
 * <h2>Who owns which state</h2>
 *
 * Each class changes only its own fields; the others ask it through methods.
 * <table>
 * <caption>State and its owner</caption>
 * <tr><th>class</th><th>state (spec variables)</th></tr>
 * <tr><td>{@code DurableState}</td><td>currentTerm, votedFor, the {@code RaftLog} (log,
 *     snapshotIndex, snapshotTerm, snapshot data): what survives a crash</td></tr>
 * <tr><td>{@code Election}</td><td>role ({@code state}), the known leader, votesGranted</td></tr>
 * <tr><td>{@code Replication}</td><td>nextIndex, matchIndex, commitIndex, lastApplied and the
 *     {@link dev.conform.algorithms.raft.StateMachine}</td></tr>
 * <tr><td>{@code RaftNode}</td><td>none of its own: dispatch, UpdateTerm (which asks each part to
 *     reset), and the shared steps record and persist (once, at a handler's end)</td></tr>
 * <tr><td>{@code RaftTraceState}</td><td>what the trace recorded last (to share unchanged
 *     parts); turns a server's state into the recorded state below</td></tr>
 * </table>
 *
 * <h2>Code, spec action and trace event</h2>
 *
 * Servers record {@code ctx.action(name, state)} at each transition, with the state after it:
 * {@code currentTerm, role, votedFor, log} (entries after the snapshot, each {@code {term,
 * value}}; only when the action changed the log, which {@code RaftLog}'s change count tells),
 * {@code snapshotIndex, snapshotTerm, commitIndex}, and for a leader {@code nextIndex} and
 * {@code matchIndex} keyed by the other servers' ids. {@code RaftTraceState} builds that map
 * beside the server, and only when {@code ctx.tracing()}. The rules R1-R11 of {@code
 * specs/raft/README.md} fix the order: a delivered Raft message gives {@code UpdateTerm} (if its
 * term is higher), exactly one
 * {@code Handle*} action (even for a stale message that changes nothing), then possibly
 * BecomeLeader or AdvanceCommitIndex, then the sends.
 *
 * <table>
 * <caption>Where each spec action happens</caption>
 * <tr><th>code</th><th>spec action</th><th>trace</th></tr>
 * <tr><td>{@code Election.timeout} (election timer)</td><td>Timeout</td>
 *     <td>timer "election", action Timeout, sends RequestVote</td></tr>
 * <tr><td>{@code Election.becomeLeader}</td><td>BecomeLeader</td>
 *     <td>action BecomeLeader, sends AppendEntries/InstallSnapshot</td></tr>
 * <tr><td>{@code Replication.clientRequest} (leader)</td><td>ClientRequest</td>
 *     <td>deliver ClientRequest, action ClientRequest, sends AppendEntries</td></tr>
 * <tr><td>{@code Replication.clientRequest} (not leading)</td><td>RedirectClient (trace spec)</td>
 *     <td>deliver ClientRequest, action RedirectClient, send ClientReply (ok false)</td></tr>
 * <tr><td>{@code Replication.clientRequest} (leader, command applied)</td>
 *     <td>AnswerFromSession (trace spec)</td>
 *     <td>deliver ClientRequest, action AnswerFromSession, send ClientReply (the session's result)</td></tr>
 * <tr><td>{@code Replication.advanceCommitIndex}</td><td>AdvanceCommitIndex</td>
 *     <td>action AdvanceCommitIndex (only when the index moves)</td></tr>
 * <tr><td>{@code RaftNode.updateTerm} (any {@code RaftMessage.ServerMessage} with a higher
 *     term)</td><td>UpdateTerm</td>
 *     <td>deliver of any Raft message with a higher term, action UpdateTerm</td></tr>
 * <tr><td>{@code Election.handleRequestVote}</td><td>HandleRequestVote</td>
 *     <td>deliver RequestVote, action, send RequestVoteResponse</td></tr>
 * <tr><td>{@code Election.handleRequestVoteResponse}</td><td>HandleRequestVoteResponse</td>
 *     <td>deliver RequestVoteResponse, action</td></tr>
 * <tr><td>{@code Replication.handleAppendEntries}</td><td>HandleAppendEntries</td>
 *     <td>deliver AppendEntries, action, send AppendEntriesResponse</td></tr>
 * <tr><td>{@code Replication.handleAppendEntriesResponse}</td><td>HandleAppendEntriesResponse</td>
 *     <td>deliver AppendEntriesResponse, action</td></tr>
 * <tr><td>{@code Replication.applyCommitted}</td><td>TakeSnapshot</td><td>action TakeSnapshot</td></tr>
 * <tr><td>{@code Replication.handleInstallSnapshot}</td><td>HandleInstallSnapshot</td>
 *     <td>deliver InstallSnapshot, action, send InstallSnapshotResponse</td></tr>
 * <tr><td>{@code Replication.handleInstallSnapshotResponse}</td>
 *     <td>HandleInstallSnapshotResponse</td><td>deliver InstallSnapshotResponse, action</td></tr>
 * <tr><td>{@code Replication.sendAppend} (heartbeat timer, responses)</td>
 *     <td>SendAppendEntries / SendInstallSnapshot</td><td>send (recorded by the runtime)</td></tr>
 * <tr><td>runtime crash / restart, {@code RaftNode(..., persisted)}</td><td>Restart</td>
 *     <td>crash, restart</td></tr>
 * </table>
 *
 * Client traffic ({@code ClientRequest}/{@code ClientReply} messages between the header's clients
 * and servers) is recorded and checked by the trace spec: a success reply needs the command
 * committed, and its value is the key-value store's answer after the committed prefix
 * (specs/lib/KvStore.tla). A leader sends it when it applies the entry.
 *
 * <h2>Teaching flaws</h2>
 *
 * {@link dev.conform.algorithms.raft.RaftFlaw}, chosen in {@link
 * dev.conform.algorithms.raft.RaftConfig} (run option: the spec name), removes one safeguard.
 * The algorithm's classes never test a flaw themselves: they compute the correct decision and
 * pass it through a named decision point of {@code RaftFlaws} ({@code candidateLogOk},
 * {@code voteFree}, {@code prevTermMatches}, {@code commitOldTermsByCounting},
 * {@code readsThroughLog}, {@code isAppliedRetry}, {@code candidateRetries}), which returns it
 * unchanged unless its flaw is on. {@code FlawScenarioTest} replays for each of the first four a
 * short schedule that is safe without the flaw and unsafe with it; the gate's
 * {@code GateLinearizabilityTest} catches the next two in chaos runs, the model-based test
 * ({@code conform mbt raft}, {@code MbtRaftTest}) the last.
 * <ul>
 * <li>{@code VOTE_WITHOUT_LOG_CHECK} (spec {@code VoteWithoutLogCheck}, at {@code
 *     candidateLogOk} in {@code Election.handleRequestVote}): votes ignore the candidate's log.
 *     A server missing a committed entry wins an election and overwrites that entry on the
 *     others. Caught by LeaderCompleteness (spec) and by State Machine Safety
 *     (an index committed with two entries) in traces.</li>
 * <li>{@code COMMIT_OLD_TERM_BY_COUNTING} ({@code CommitOldTerm}, at {@code
 *     commitOldTermsByCounting} in {@code Replication.advanceCommitIndex}, into {@code
 *     CommitRule}): the leader commits an older term's entry once a majority stores it.
 *     Figure 8: a later leader with a newer last term overwrites it. Caught by LeaderCompleteness; in traces by State Machine Safety.</li>
 * <li>{@code APPEND_WITHOUT_PREV_CHECK} ({@code AppendWithoutPrevCheck}, at {@code
 *     prevTermMatches} in {@code Replication.handleAppendEntries}): a follower that has an
 *     entry at prevLogIndex accepts without comparing its term, so it keeps a stale entry below
 *     the new ones. Caught by LogMatching; in traces the follower commits its stale entry.</li>
 * <li>{@code VOTE_TWICE} ({@code VoteTwice}, at {@code voteFree} in {@code
 *     Election.handleRequestVote}): votes ignore votedFor, so two candidates both win one
 *     term. Caught by ElectionSafety, in traces as two BecomeLeader in one term.</li>
 * <li>{@code STALE_READ} ({@code StaleRead}, at {@code readsThroughLog} in {@code
 *     Replication.clientRequest}): a leader answers a get at once from its own state machine
 *     (recorded as {@code ReadLocally}, an action the spec does not have) instead of committing
 *     it through the log. A deposed leader in a minority partition, or a new leader that has not
 *     applied its predecessor's last writes, returns stale values. Caught by the gate's
 *     linearizability check of the clients' history; the trace checks reject the unknown action.</li>
 * <li>{@code RETRY_APPLIED_TWICE} ({@code RetryAppliedTwice}, at {@code isAppliedRetry} in {@code
 *     kv.KvStateMachine.apply}): the store's session check is skipped, so a retry appended while
 *     the first copy was still unapplied (or by a new leader) is applied again: an append shows
 *     twice, a put undoes a later write. Caught by the linearizability check (with the workload
 *     option {@code appends}); in traces when a duplicate's answer differs from the spec store's.</li>
 * <li>{@code CANDIDATE_NEVER_RETRIES} ({@code CandidateNeverRetries}, at {@code candidateRetries}
 *     in {@code Election.timeout}): a new candidate arms no election timer, so a failed election
 *     is never retried and a split vote leaves the cluster without a leader for ever. Every step
 *     it takes is one the spec allows, so trace validation passes its traces; it refuses one the
 *     spec allows (a candidate's Timeout), which {@code conform mbt raft} asks for and catches.</li>
 * </ul>
 * The last three are not in Raft.tla's {@code Flaws}: two change what clients see, not a step of
 * the servers' protocol the spec models, and the third only leaves out steps the spec allows, so
 * none has a model-checking config.
 *
 * <h2>Running it</h2>
 *
 * {@link dev.conform.algorithms.raft.RaftAlgorithm} registers the algorithm as {@code raft}
 * with the runtime: servers replicate the key-value store of {@link
 * dev.conform.algorithms.raft.kv}, and the run's client nodes (role {@code client}) run seeded workloads against them.
 */
package dev.conform.algorithms.raft;
