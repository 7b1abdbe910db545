/**
 * The deterministic simulator: a single-threaded discrete-event simulation of a whole cluster in
 * logical time.
 *
 * <p>One world, two schedulers. {@link dev.conform.runtime.sim.World} holds the nodes (roles,
 * liveness, incarnations, timers, persisted state), the links, logical time, and starts, crashes
 * and restarts nodes; handlers' effects are committed through the runtime's
 * {@link dev.conform.runtime.EffectBuffer} (record, persist, then send and arm timers). Which event
 * comes next is decided by a {@link dev.conform.runtime.sim.Scheduler}: the seeded
 * {@link dev.conform.runtime.sim.Simulator} or the scripted
 * {@link dev.conform.runtime.sim.SteppedSimulator}.
 *
 * <p>{@link dev.conform.runtime.sim.Simulator} keeps an agenda of deliveries, timer firings and
 * fault events ordered by (time, sequence number). Every choice — message delay (and so delivery
 * order), loss and duplication on unreliable networks, the value of each timer within the range
 * its node asked for — comes from one {@link java.util.SplittableRandom} seeded by
 * {@link dev.conform.runtime.sim.SimConfig#seed()}; faults come from the
 * {@link dev.conform.runtime.nemesis.FaultPlan}. The same seed, plan and configuration therefore
 * give the same run and a byte-identical trace.
 *
 * <p>Network model. Reliable (TCP-like): per directed link FIFO, no loss, delays drawn from
 * [minDelay, maxDelay] but never overtaking the previous message of the link. Unreliable
 * (UDP-like): independent delays (so reordering), base loss and duplication rates, and per-link
 * rates from the plan. Under both, a message is dropped when its link is partitioned at send or at
 * delivery time, or when its destination crashed meanwhile (in-flight messages die with the
 * connection, also after a restart).
 *
 * <p>Crash and restart. A crash discards the node object, its timers and messages in flight to
 * it. A restart builds a new node from the last value passed to
 * {@link dev.conform.runtime.Context#persist}, written to JSON and read back as
 * {@link dev.conform.runtime.Algorithm#persistedType()} — the same path the TCP transport takes
 * through the disk — and calls {@code onStart} again. A wipe (disk loss) of a crashed node erases
 * that value, so its next restart builds it from null, as a fresh node.
 *
 * <p>Trace. With an enabled {@link dev.conform.tracing.TraceSink} the run writes the header (seed,
 * plan, parameters) and then send, deliver, drop, duplicate, timer, crash, restart and fault
 * events with a global {@code seq}, Lamport clock and vector clock, interleaved with the spec
 * actions nodes record. A drop is recorded at the node where the loss happened (the sender when
 * the message never left, the destination when it arrived at a crashed or cut-off node);
 * cluster-wide faults (partition, heal, link) are recorded at node 0 without clocks. Every event
 * recorded at a node advances its Lamport clock and its own vector-clock entry by one; a delivery
 * first merges the clocks the message carried from its send ({@link dev.conform.tracing.Clocks},
 * the rule every runtime and the reader's causality check share). Node
 * handlers run right after the deliver/timer/restart event that triggered them, so a trace reads
 * "deliver m; action A; send m'...". With a disabled sink the simulator builds no trace object
 * and keeps no clocks.
 *
 * <p>Stopping. A run ends when the step budget is spent, the next event lies beyond the time
 * budget, the algorithm's {@link dev.conform.runtime.StopCondition} holds (checked after every
 * step), or nothing is left to do; {@link dev.conform.runtime.sim.RunResult} says which.
 *
 * <p>Stepped mode. {@link dev.conform.runtime.sim.SteppedSimulator} runs the same nodes without a
 * seed or an agenda: messages wait in flight until the caller delivers or drops one, timers fire
 * when the caller fires them or advances time past their due time (the top of their range), and
 * crashes, restarts and partitions happen when called. Scripted scenarios
 * ({@code dev.conform.runtime.scenario}) use it to replay a chosen schedule exactly. It drives the
 * same world as the seeded simulator; only the choice of the next event differs.
 */
package dev.conform.runtime.sim;
