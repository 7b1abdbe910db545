/**
 * Fault plans (the nemesis): faults as data.
 *
 * <p>A {@link dev.conform.runtime.nemesis.FaultPlan} is a list of timed
 * {@link dev.conform.runtime.nemesis.FaultEvent}s: partitions (arbitrary groups, isolate one node,
 * bridge, ring; halves via {@link dev.conform.runtime.nemesis.FaultPlans#halves}), heal, per-link
 * loss/duplication/reordering/delay, crash, restart (from persisted state only), wipe (a crashed
 * node's disk is lost: it restarts from nothing), and per-node clock/timer skew. Plans are JSON ({@code {"events":[{"type":"crash","at":40,"node":2}, ...]}}),
 * read with clear file:line:column errors, and written into the trace header, so a seed and a
 * plan replay a run exactly. {@link dev.conform.runtime.nemesis.PlanGenerator} draws random plans
 * from a seed with intensity knobs for chaos runs; it draws wipes only for the nodes an algorithm
 * opts in ({@link dev.conform.runtime.Algorithm#diskLoss}), from a random stream of their own. Partitions apply between servers; clients
 * always reach every server.
 */
package dev.conform.runtime.nemesis;
