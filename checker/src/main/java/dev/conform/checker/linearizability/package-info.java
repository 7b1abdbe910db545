/**
 * Linearizability checking of client histories: is there an order of the operations, each taking
 * effect at one instant between its invocation and its completion, in which a sequential object
 * (the {@link dev.conform.checker.linearizability.Model}) gives every client what it saw?
 *
 * <p>{@link dev.conform.checker.linearizability.Linearizability#check} is the entry point: a
 * {@link dev.conform.checker.linearizability.History} of {@link
 * dev.conform.checker.linearizability.Operation}s, a model (register, cas-register, kv) and a
 * {@link dev.conform.checker.linearizability.Budget} give a {@link
 * dev.conform.checker.linearizability.Result}: {@code OK}, {@code ILLEGAL} with a minimal
 * witness, or {@code UNKNOWN} when the budget ran out (never a pass). The search
 * ({@code Search}) is Wing and Gong's with Lowe's just-in-time linearization and memoization of
 * (linearized set, state) pairs, as in Porcupine; keyed models are checked one key at a time
 * (P-compositionality). The witness ({@code Witness}) is shrunk only by moves that keep "not
 * linearizable" meaningful: see its documentation for what "minimal" means.
 *
 * <p>Operations with unknown outcome (Jepsen's {@code info}, a client that timed out, a request the
 * trace never saw answered) stay pending to the end: they may or may not have taken effect, at
 * any point after their invocation. Failed operations ({@code fail}) certainly did not take effect
 * and are left out.
 *
 * <h2>History formats ({@link dev.conform.checker.linearizability.HistoryReader})</h2>
 *
 * <ul>
 *   <li><b>conform</b>: an NDJSON trace; the client role's {@code ClientRequest} sends and
 *   {@code ClientReply} deliveries ({@link dev.conform.checker.linearizability.TraceHistory}, which
 *   also takes events already parsed, for the gate).</li>
 *   <li><b>jsonl</b>: one event per line, Jepsen's model in JSON:
 *   <pre>
 * {"process": 0, "type": "invoke", "f": "write", "key": "x", "value": 1}
 * {"process": 1, "type": "invoke", "f": "read", "key": "x"}
 * {"process": 0, "type": "ok", "f": "write", "key": "x", "value": 1}
 * {"process": 1, "type": "ok", "f": "read", "key": "x", "value": 1}
 * {"process": 2, "type": "invoke", "f": "cas", "key": "x", "value": [1, 2]}
 * {"process": 2, "type": "info", "f": "cas", "key": "x", "value": [1, 2]}
 *   </pre>
 *   Fields: {@code process} (integer; one operation at a time), {@code type} ({@code invoke},
 *   {@code ok}, {@code fail}, {@code info}), {@code f} ({@code read}, {@code write}, {@code cas},
 *   {@code append}; {@code get}/{@code put} are aliases), {@code key} (kv model), {@code value}
 *   (written or read value, {@code [expected, new]} for cas; null is absent), {@code time}
 *   (optional integer on every line or none; else the line order is the time line). A cas
 *   completed {@code ok} succeeded (unless its value is {@code false}: it saw another value).</li>
 *   <li><b>edn</b>: Jepsen's {@code history.edn}, one operation map per line or one vector of them:
 *   {@code {:process 0, :type :invoke, :f :read, :value nil}}; with the kv model the value is
 *   Jepsen's independent tuple {@code [key value]}. Other keys ({@code :time}, {@code :index},
 *   {@code :error}) are ignored; non-integer processes ({@code :nemesis}) are skipped.</li>
 *   <li><b>jepsen-log</b>: the {@code jepsen.util} lines older Jepsen tests print,
 *   {@code INFO  jepsen.util - 3	:invoke	:cas	[1 2]}; other lines are ignored.</li>
 * </ul>
 * Malformed input is a {@link dev.conform.tracing.io.TraceFormatException} at file:line:column.
 */
package dev.conform.checker.linearizability;
