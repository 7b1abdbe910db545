/**
 * Eager reliable FIFO broadcast: every server broadcasts {@code count} values (option
 * {@code count}, default 3) and every server delivers every value of every origin, once, in the
 * origin's order.
 *
 * <p>Protocol. An origin persists its next sequence number, delivers its own value and sends it
 * ({@code Data(origin, seq, value)}) to all other servers. A server that receives a
 * {@code Data} always answers {@code Ack(origin, seq)} to the sender; if the value is the next
 * one expected from that origin it delivers it (and any values buffered behind it), otherwise it
 * buffers or ignores it. Every server that delivers a value relays it to all servers except
 * itself, the origin and the sender, so the value survives its origin's crash. Every Data stays
 * in an unacknowledged set and is resent on the {@code retransmit} timer (option
 * {@code retransmit}, default 20 ticks) until acknowledged, so the protocol works on unreliable
 * networks. Delivered counts are persisted at each delivery, so a restarted server never
 * delivers a value twice; its unacknowledged set is volatile (others' relays cover for it).
 *
 * <p>Spec actions (recorded with {@code ctx.action}): {@code Broadcast} when an origin creates a
 * value, {@code Deliver} when a server delivers one; both carry {@code origin}, {@code seq},
 * {@code value}, {@code nextSeq} and the per-origin {@code delivered} counts. Sends, deliveries,
 * drops, timers, crashes and restarts are recorded by the runtime.
 *
 * <p>Teaching flaws: {@code no-relay} (receivers do not relay: crash the origin right after it
 * sends and some server never delivers) and {@code no-retransmit} (on an unreliable network one
 * lost message breaks agreement).
 *
 * <p>Broadcast has no TLA+ spec, so it is not registered for {@code conform run} or the gate (an
 * algorithm the CLI offers ships with its spec and trace spec). The runtime's tests register it
 * from their own {@code META-INF/services} and drive it directly ({@code new BroadcastAlgorithm()}),
 * as does {@code SimulatorBench}.
 */
package dev.conform.algorithms.broadcast;
