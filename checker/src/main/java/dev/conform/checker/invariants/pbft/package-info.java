/**
 * Java invariants of PBFT traces ({@link dev.conform.checker.invariants.pbft.PbftInvariants}):
 * Agreement, Validity, ClientLinearity and CheckpointSafety among honest replicas, and the step
 * invariants (Authenticated, PreparedCertificate, DigestChecked, NewViewChecked, ReplyQuorum) that
 * name the rule a run broke first; the sends each honest action owes ({@code Obligations},
 * {@code OwedSends}) must follow it before the replica's next step and by the end of the trace
 * ({@code PbftQuiet}).
 */
package dev.conform.checker.invariants.pbft;
