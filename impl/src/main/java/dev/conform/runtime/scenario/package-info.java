/**
 * Scripted scenarios with golden transcripts: a small command language, read like a lab notebook,
 * that drives a {@link dev.conform.runtime.sim.SteppedSimulator} through a schedule chosen step by
 * step and records what every step did.
 *
 * <h2>File layout</h2>
 * A scenario file (for example {@code impl/src/test/resources/scenarios/raft/figure8.txt}) is a
 * sequence of blocks in the datadriven layout: one command line, a line {@code ----}, then the
 * expected output up to the next blank line. Lines starting with {@code #} and blank lines are
 * comments, kept verbatim when the file is rewritten; use them to say what each step shows.
 * <pre>
 * # Server 1's election timer fires.
 * campaign 1
 * ----
 * t=0 1 fires election
 *     1: Timeout
 * </pre>
 * Output lines: a delivered message as {@code FROM->TO Message ...}, the spec actions that the
 * receiving node took as {@code     NODE: Action, Action}, a message lost on the way as
 * {@code   lost FROM->TO ... (partitioned|crashed)}, a timer as {@code t=TIME NODE fires NAME}.
 *
 * <h2>Commands</h2>
 * <pre>
 * nodes N [key=value ...] [flaw=NAME]  first command: N servers (ids 1..N) with algorithm options
 * tick T                  advance logical time by T, firing timers that fall due on the way
 * campaign N              fire N's election timer now (the inspector names the timer)
 * fire N NAME             fire N's armed timer NAME now
 * deliver [A->B] [K]      deliver the messages in flight (on link A->B, '*' = any), at most K,
 *                         in send order; messages sent meanwhile wait for the next command
 * deliver-all             deliver until nothing is in flight (at most 10,000 deliveries)
 * drop [A->B] [K]         lose messages in flight, selected as for deliver
 * pending                 list the messages in flight
 * partition {1} {2,3}     only servers of one group reach each other; unnamed servers form a group
 * heal                    remove the partition
 * crash N / restart N     crash a server (its in-flight messages are lost) / restart it from disk
 * state                   one line per server, rendered by the algorithm's inspector
 * assert ...              an algorithm-specific check; prints ok or stops the run with file:line
 * put k v [@N] ...        client commands of the algorithm (client 101), sent to the inspector's
 *                         target (Raft: the leader) or to server N, and delivered at once;
 *                         {@code @N,M} sends the same request to each (a retransmission to all)
 * resend [@N,M]           the client's last request again (its retry), to N, M or the target
 * </pre>
 * The schedule rules (timers due after their maximum, drops at send across a partition, what a
 * crash loses) are those of {@link dev.conform.runtime.sim.SteppedSimulator}.
 *
 * <h2>Running and updating</h2>
 * {@link dev.conform.runtime.scenario.ScenarioScript} parses a file (errors name
 * {@code file:line:col}), {@link dev.conform.runtime.scenario.ScenarioRunner} runs it with an
 * algorithm's {@link dev.conform.runtime.scenario.ScenarioInspector} and returns a
 * {@link dev.conform.runtime.scenario.Transcript}, which compares the outputs with the file and
 * prints a line diff of each differing block. A failed assertion or malformed command stops the
 * run: it is never written into a golden file. The Raft files are checked by
 * {@code RaftScenarioGoldenTest}; after an intended change, rewrite them with
 * {@code mvn -B -pl impl -am test -Dtest=RaftScenarioGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dconform.golden.update=true} and review {@code git diff}. From the command line,
 * {@code conform scenario FILE...} checks files ({@code --update} rewrites them, {@code --print}
 * prints them with the actual outputs, handy while writing a new scenario); the inspector is found
 * by algorithm name through {@link dev.conform.runtime.scenario.ScenarioInspector#forAlgorithm}.
 */
package dev.conform.runtime.scenario;
