/**
 * Lamport clocks and vector clocks as an algorithm of their own ({@code conform run clocks}):
 * every server performs {@code events} events (option, default 6) on its own timer (option
 * {@code every}, default 5 ticks); event {@code e} (1-based) of node {@code p} sends a
 * {@link dev.conform.algorithms.clocks.Tick} when {@code (e + p) mod 3 != 0}, to the server at
 * position {@code (position of p + e) mod n} of the ascending server list (the next one when that
 * is {@code p} itself), and is a local event otherwise. Receives are driven by the network: a lost
 * Tick is never received, a duplicated one is received twice (two events). Spec, model-checking
 * configs and trace spec: {@code specs/clocks}; Java invariants:
 * {@code dev.conform.checker.invariants.clocks}.
 *
 * <table>
 * <caption>code, spec action and trace event</caption>
 * <tr><th>code</th><th>spec action</th><th>trace</th></tr>
 * <tr><td>{@code onTimer("event")}, local event</td><td>{@code Local(p)}</td>
 *     <td>timer, action {@code Local {lc, vc, events}}</td></tr>
 * <tr><td>{@code onTimer("event")}, send event</td><td>{@code Send(p, q)}</td>
 *     <td>timer, action {@code Send {lc, vc, events}}, send {@code Tick {lc, vc}} (the state after the action)</td></tr>
 * <tr><td>{@code onMessage(Tick)}</td><td>{@code Receive(m)}</td>
 *     <td>deliver, action {@code Receive {lc, vc, events}}: {@code lc := max(lc, m.lc) + 1},
 *     {@code vc :=} pointwise max, then own entry + 1; {@code events} unchanged</td></tr>
 * <tr><td>crash, restart from {@link dev.conform.algorithms.clocks.ClockState}</td>
 *     <td>{@code Crash(p)}, {@code Restart(p)}</td><td>crash, restart {@code {lc, vc, events}}</td></tr>
 * </table>
 *
 * <p>Every action persists the state after it (the runtime writes it before the Tick leaves), so a
 * restarted node continues from the clocks of its latest event ({@code ClockIsLatest}).
 *
 * <p>Run it: {@code ./conform run clocks --seed 3 --chaos high --out run.ndjson}, then
 * {@code ./conform validate --trace run.ndjson --spec specs/clocks/TraceLamportClocks.tla --lib specs/lib}.
 * Break it with the teaching flaw {@code no-merge} (a receive ticks both clocks without merging the
 * stamp): a receive is then stamped no later than its send ({@code ClockCondition}) and its vector
 * time no longer dominates the send's ({@code VectorCharacterisation}).
 */
package dev.conform.algorithms.clocks;
