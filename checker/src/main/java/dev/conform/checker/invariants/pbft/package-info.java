/**
 * Java invariants of PBFT traces ({@link dev.conform.checker.invariants.pbft.PbftInvariants}):
 * Agreement, Validity, ClientLinearity and CheckpointSafety among honest replicas, and the step
 * invariants (Authenticated, PreparedCertificate, DigestChecked, NewViewChecked, ReplyQuorum) that
 * name the rule a run broke first.
 */
package dev.conform.checker.invariants.pbft;
