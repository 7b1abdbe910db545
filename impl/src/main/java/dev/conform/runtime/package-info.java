/**
 * The message-passing runtime's process API, shared by every algorithm.
 *
 * <p>An algorithm node ({@link dev.conform.runtime.Node}) is a pure state machine: it is started,
 * receives messages (with their sender) and timer firings, and answers only with effects through
 * its {@link dev.conform.runtime.Context}: send to one node, broadcast, set or cancel a timer in
 * logical ticks (the runtime picks the value in a range from its seed), persist the state that
 * must survive a crash, and record a spec action with the spec-relevant state. Node code has no
 * threads, clocks, randomness or sockets, so the same class runs in the deterministic simulator
 * ({@code .sim}) and as an OS process over TCP ({@code .net}).
 *
 * <p>An {@link dev.conform.runtime.Algorithm} describes one algorithm (node factory, message
 * classes, client workload, teaching flaws, stop condition) and is found by name through the
 * {@link dev.conform.runtime.Algorithms} registry. Runs choose their
 * {@link dev.conform.runtime.NetSemantics}: reliable FIFO per link (TCP-like) or unreliable
 * (UDP-like). Faults are data ({@code .nemesis}); failing runs shrink to a minimal fault plan
 * ({@code .shrink}).
 *
 * <p>Node ids: the simulators number servers 1..n and a workload's clients after them; what a node
 * is comes from its role in the trace header ({@code TraceHeader.roles()}, filled from
 * {@link dev.conform.runtime.Algorithm#serverRoles} plus the clients), never from its id. The id 0
 * stands for "the whole cluster" in fault events.
 */
package dev.conform.runtime;
