/**
 * The network and node rules every trace obeys, whatever its algorithm: message identity
 * (a deliver names an id in flight, equal to its send; one handler action consumes it), crash
 * and restart (a down node takes no step), and faults that the header's plan allows. The same
 * rules as specs/lib/TraceNet.tla, for the Java replay; see docs/trace-format.md.
 */
package dev.conform.checker.network;
