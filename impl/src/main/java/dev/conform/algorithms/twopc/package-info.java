/**
 * Two-phase commit: how several resource managers agree to commit or abort one transaction,
 * and why they can get stuck doing it.
 *
 * <h2>The protocol</h2>
 *
 * <p>A transaction has touched data on several nodes, the <em>participants</em> (resource
 * managers, here nodes 2..n). Either all of them make its changes permanent or none does. One
 * node, the <em>coordinator</em> (transaction manager, node 1, the lowest id), runs two rounds:
 *
 * <ol>
 *   <li><b>Prepare.</b> The coordinator logs that the transaction has begun and sends
 *       {@link dev.conform.algorithms.twopc.TwoPhaseMessage.Prepare Prepare} to every
 *       participant. A participant that can commit writes "prepared" to its log <em>and only
 *       then</em> answers {@link dev.conform.algorithms.twopc.TwoPhaseMessage.Vote Vote(yes)}:
 *       the vote is a promise to commit if told to, even after a crash, so it must be durable
 *       before anyone can count it. A participant that cannot commit logs "aborted" and votes
 *       no. Until it has voted yes a participant may also abort on its own (its prepare timer,
 *       or the {@code abortEarly} option).</li>
 *   <li><b>Decide.</b> With every vote yes the coordinator decides commit; with any no vote,
 *       or when its vote timer fires first, it decides abort. It logs the decision <em>before</em>
 *       announcing it with {@link dev.conform.algorithms.twopc.TwoPhaseMessage.Decision Decision}:
 *       once one participant has acted on it, the decision must survive a coordinator crash.
 *       Participants log the outcome and acknowledge with
 *       {@link dev.conform.algorithms.twopc.TwoPhaseMessage.Ack Ack}; the coordinator re-sends
 *       the decision on a timer to those that have not.</li>
 * </ol>
 *
 * <p>Recovery reads the log. A coordinator with a logged decision announces it again; one that
 * had begun but not decided aborts (the votes it had counted were volatile, and abort is always
 * safe before a decision). A participant that had not voted aborts (its work died with the
 * process); one that had voted yes is <em>uncertain</em>: it may not decide on its own, so it
 * asks the coordinator with
 * {@link dev.conform.algorithms.twopc.TwoPhaseMessage.DecisionRequest DecisionRequest}, on a
 * timer, until it hears the outcome.
 *
 * <h2>Why it blocks</h2>
 *
 * <p>Between voting yes and hearing the decision a participant has given away its right to
 * choose. If the coordinator crashes in that window and stays down (or is cut off by a
 * partition), the participant can neither commit (someone may have voted no, or the coordinator
 * may have timed out and aborted) nor abort (the coordinator may have committed, and others may
 * already have). It holds its locks and waits. <em>Cooperative termination</em>
 * ({@link dev.conform.algorithms.twopc.TwoPhaseOptions#cooperative()}) lets it ask its peers as
 * well: a peer that knows the outcome tells it, and a peer that has not voted yet aborts and says
 * so. That shortens the window but cannot close it: when every participant voted yes and none
 * heard the decision, only the dead coordinator knows. TLC shows both cases on
 * {@code specs/twopc/MCTwoPhaseLive.cfg} and {@code MCTwoPhaseLiveCoop.cfg}, and the simulator
 * test {@code SimulatedTwoPhaseTest} shows participants stuck uncertain in a run whose
 * coordinator crashed for good. Non-blocking atomic commit needs more: three-phase commit under
 * synchrony assumptions, or running the decision through consensus (Paxos Commit).
 *
 * <h2>Code, spec and trace</h2>
 *
 * <p>{@link dev.conform.algorithms.twopc.Coordinator} and
 * {@link dev.conform.algorithms.twopc.Participant} (and the
 * {@link dev.conform.algorithms.twopc.TwoPhaseClient}, which asks for the outcome) are pure state machines on
 * {@link dev.conform.runtime.Node}: no threads, clocks or randomness; sends, timers, the log
 * ({@code ctx.persist}) and trace records are effects asked of the
 * {@link dev.conform.runtime.Context}. At every transition a node calls
 * {@code ctx.action(name, state)} with the name of the action of {@code specs/twopc/TwoPhase.tla}
 * and its spec variables ({@code tmState}, {@code tmPrepared}, {@code tmAcked}, or
 * {@code rmState}, or a client's {@code outcome}), the action recorded before the messages it
 * sends. Every delivered message is handled by one recorded action, also when it changes nothing
 * (a late vote, a request to an undecided coordinator), so that a trace binds every delivery to
 * its handler. The trace header names the roles {@code coordinator}, {@code participant} and
 * {@code client} ({@link dev.conform.algorithms.twopc.TwoPhaseAlgorithm#serverRoles}):
 *
 * <table>
 *   <caption>Handlers, spec actions and trace events</caption>
 *   <tr><th>handler</th><th>spec action</th><th>trace events</th></tr>
 *   <tr><td>Coordinator start (fresh)</td><td>TMPrepare</td><td>action, send Prepare</td></tr>
 *   <tr><td>Coordinator, any vote (counts a yes vote while waiting)</td><td>TMRcvVote</td><td>deliver Vote, action</td></tr>
 *   <tr><td>Coordinator, all yes</td><td>TMCommit</td><td>action, send Decision(commit)</td></tr>
 *   <tr><td>Coordinator, no vote or vote timer</td><td>TMAbort</td><td>action, send Decision(abort)</td></tr>
 *   <tr><td>Coordinator, Ack</td><td>TMRcvAck</td><td>deliver Ack, action</td></tr>
 *   <tr><td>Coordinator, resend timer</td><td>TMResend</td><td>timer, action, send Decision</td></tr>
 *   <tr><td>Coordinator, DecisionRequest</td><td>TMRcvDecisionRequest</td><td>deliver, action, [send Decision once decided]</td></tr>
 *   <tr><td>Coordinator, a client's request</td><td>TMRcvClientRequest</td><td>deliver, action, [send ClientReply once decided]</td></tr>
 *   <tr><td>Coordinator start (from the log)</td><td>TMRestart</td><td>restart, action, send Decision</td></tr>
 *   <tr><td>Participant, Prepare, votes yes (again, if prepared or committed)</td><td>RMVoteYes</td><td>deliver Prepare, action, send Vote(yes)</td></tr>
 *   <tr><td>Participant, Prepare, votes no</td><td>RMVoteNo</td><td>deliver Prepare, action, send Vote(no)</td></tr>
 *   <tr><td>Participant, prepare timer / abortEarly</td><td>RMAbort</td><td>[timer,] action</td></tr>
 *   <tr><td>Participant, Decision</td><td>RMRcvDecision</td><td>deliver Decision, action, send Ack</td></tr>
 *   <tr><td>Participant, ask timer or recovery</td><td>RMAsk</td><td>action, send DecisionRequest</td></tr>
 *   <tr><td>Participant, peer's DecisionRequest</td><td>RMRcvDecisionRequest</td><td>deliver, action, [send Decision unless uncertain]</td></tr>
 *   <tr><td>Participant start (from the log)</td><td>RMRestart</td><td>restart, action</td></tr>
 *   <tr><td>runtime crash</td><td>TMCrash / RMCrash</td><td>crash</td></tr>
 *   <tr><td>Client start, retry timer</td><td>ClientAsk</td><td>[timer,] action, send ClientRequest</td></tr>
 *   <tr><td>Client, ClientReply</td><td>ClientRcvReply</td><td>deliver, action</td></tr>
 * </table>
 *
 * <p>{@code specs/twopc/README.md} has the full table and {@code TraceTwoPhase.tla} checks
 * recorded traces against the spec.
 *
 * <h2>Running and breaking it</h2>
 *
 * <p>{@link dev.conform.algorithms.twopc.TwoPhaseAlgorithm} registers the algorithm as
 * {@code twopc} ({@code conform run twopc --option voteNo=3 --option cooperative=true}). One
 * transaction per run: the coordinator starts it when it first starts. Two teaching flaws
 * ({@link dev.conform.algorithms.twopc.TwoPhaseFlaw}) plant classic mistakes:
 * committing before all votes are in, and a participant forgetting its logged yes vote on
 * restart. TLC catches each ({@code MCTwoPhaseFlawEarlyCommit.cfg},
 * {@code MCTwoPhaseFlawForgetVote.cfg}), and so do the unit tests. A third,
 * {@code coordinator-never-times-out}, refuses a step the spec allows (the coordinator never
 * aborts while a vote is missing): every trace it records is still a behaviour of the spec, so
 * trace validation passes it; {@code conform mbt twopc} (TLC's behaviours of
 * {@code specs/twopc/MbtTwoPhase.tla} replayed into this package) catches it.
 */
package dev.conform.algorithms.twopc;
