/**
 * Java invariants for traces of gossip-replicated CRDTs (algorithm {@code crdt}): lattice
 * monotonicity of every replica's recorded value, read from the JSON form of the values, and the
 * causal last-writer-wins check on the write records (timestamp, causal predecessor, applied).
 */
package dev.conform.checker.invariants.crdt;
