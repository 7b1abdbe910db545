/**
 * PingCounter, the worked example of {@code docs/adding-an-algorithm.md}: every node counts up
 * to {@code max} and pings its counter to the others; a node raises its counter to any larger
 * value it receives. Spec, model-checking config and trace spec: {@code specs/pingcounter}; Java
 * invariants: {@code dev.conform.checker.invariants.pingcounter}.
 *
 * <table>
 * <caption>code, spec action and trace event</caption>
 * <tr><th>code</th><th>spec action</th><th>trace</th></tr>
 * <tr><td>{@code onTimer("tick")}</td><td>{@code Inc(n)}, then {@code Send(n, m)} per peer</td>
 *     <td>timer, action {@code Inc {count}}, one send {@code Ping {val}} per peer</td></tr>
 * <tr><td>{@code onMessage(Ping)}</td><td>{@code Receive(n, msg)}</td>
 *     <td>deliver, action {@code Receive {count}}</td></tr>
 * <tr><td>crash, restart from {@link dev.conform.algorithms.pingcounter.Saved}</td>
 *     <td>{@code Crash(n)}, {@code Restart(n)}</td><td>crash, restart {@code {count}}</td></tr>
 * </table>
 *
 * <p>Run it: {@code ./conform run pingcounter --seed 3 --out run.ndjson}, then
 * {@code ./conform validate --trace run.ndjson --spec specs/pingcounter/TracePingCounter.tla --lib specs/lib};
 * break it with the teaching flaw {@code forget-count} (the counter is never persisted, so a
 * restart loses it): {@code ./conform gate --algorithm pingcounter --quick --flaw forget-count}
 * exits 1, the Java {@code NotAhead} and TLC both reject the runs with a crash.
 */
package dev.conform.algorithms.pingcounter;
