/**
 * Eager reliable broadcast, in FIFO order ({@code broadcast}, a fixture of the runtime's tests) or
 * in causal order ({@code causal}, {@link dev.conform.algorithms.broadcast.CausalAlgorithm}): every
 * server broadcasts {@code count} values (option, default 3) and every server delivers every value
 * of every origin, once. One node ({@link dev.conform.algorithms.broadcast.BroadcastNode}) serves
 * both; they differ only in the delivery condition ({@link dev.conform.algorithms.broadcast.DeliveryOrder}).
 *
 * <p>Protocol. An origin stamps its next value with what it has delivered
 * ({@code Data(origin, seq, value, deps)}, {@code deps[origin] = seq - 1}), persists its next
 * sequence number and the value, and puts the value in its hold-back queue. A server that receives
 * a new {@code Data} holds it back too, with the node it came from. A held value is delivered
 * when it is deliverable: FIFO, {@code seq = delivered[origin] + 1}; causal, that and
 * {@code deps[q] <= delivered[q]} for every other {@code q}. Delivery is persisted; then the value
 * is sent (by its origin) or relayed (by any other server, with the origin's deps) to every server
 * but this one, the origin and the node it came from, and acknowledged ({@code Ack(origin, seq)}) to
 * the node it came from. A duplicate of a delivered value is acknowledged at once; a held value is
 * not, because the hold-back queue is volatile and a crash must not lose it for good. Every Data
 * sent stays in an unacknowledged set and is resent on the {@code retransmit} timer (option,
 * default 20 ticks) until acknowledged. A restarted origin puts its own values (persisted) back in
 * that set, so a value whose copies in flight were all lost still arrives.
 *
 * <table>
 * <caption>code, spec action and trace event</caption>
 * <tr><th>code</th><th>spec action</th><th>trace</th></tr>
 * <tr><td>{@code onTimer("originate")}</td><td>{@code Broadcast(p)}</td>
 *     <td>timer, action {@code Broadcast {origin, seq, value, nextSeq, delivered, held}} (held + 1), then
 *     its {@code Deliver} and sends</td></tr>
 * <tr><td>{@code onMessage(Data)}</td><td>{@code Receive(p, m)}</td>
 *     <td>deliver, action {@code Receive {nextSeq, delivered, held}}; send {@code Ack} if a duplicate;
 *     then any {@code Deliver}s</td></tr>
 * <tr><td>{@code deliver}</td><td>{@code Deliver(p, v)}</td>
 *     <td>action {@code Deliver {origin, seq, value, nextSeq, delivered, held}} (held - 1), sends
 *     {@code Data} to the others, then {@code Ack} to the node it came from</td></tr>
 * <tr><td>{@code onMessage(Ack)}</td><td>{@code HandleAck(p, m)}</td>
 *     <td>deliver, action {@code HandleAck {nextSeq, delivered, held}}</td></tr>
 * <tr><td>{@code onTimer("retransmit")}</td><td>(a resend of a message in flight)</td>
 *     <td>timer, one send {@code Data} per unacknowledged copy</td></tr>
 * <tr><td>crash, restart from {@link dev.conform.algorithms.broadcast.BroadcastState}</td>
 *     <td>{@code Crash(p)}, {@code Restart(p)}</td><td>crash, restart {@code {nextSeq, delivered, own}}</td></tr>
 * </table>
 *
 * <p>Teaching flaws: {@code fifo-only} (causal only: delivers in origin order on receipt, so a
 * value may overtake one its origin had delivered; the Java {@code CausalDelivery} catches it),
 * {@code no-relay} (receivers do not relay: crash the origin right after it sends and some server
 * never delivers) and {@code no-retransmit} (on an unreliable network one lost message breaks
 * agreement). Run {@code ./conform run causal --seed 3 --chaos high --out run.ndjson}, then
 * {@code ./conform validate --trace run.ndjson --spec specs/causal/TraceCausalBroadcast.tla --lib specs/lib}.
 *
 * <p>The FIFO {@code broadcast} has no TLA+ spec, so it is not registered for {@code conform run}
 * or the gate; the runtime's tests register it from their own {@code META-INF/services} and drive
 * it directly ({@code new BroadcastAlgorithm()}), as does {@code SimulatorBench}.
 */
package dev.conform.algorithms.broadcast;
