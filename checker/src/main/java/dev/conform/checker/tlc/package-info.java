/**
 * Runs TLC as a subprocess in {@code -tool} mode and turns its framed messages into a structured
 * {@link dev.conform.checker.tlc.TlcResult}.
 *
 * <p>{@link dev.conform.checker.tlc.TlcRunner} is the entry point: it takes a
 * {@link dev.conform.checker.tlc.TlcRequest}, always gives TLC its own {@code -metadir}, enforces
 * the timeout by killing the whole process tree, and classifies the run with
 * {@link dev.conform.checker.tlc.VerdictClassifier}. Classification fails closed: a run that
 * did not finish cleanly, or whose exit code disagrees with its messages, is never
 * {@link dev.conform.checker.tlc.Verdict#OK}.
 *
 * <p>{@link dev.conform.checker.tlc.SanyParser} runs SANY, TLC's parser, in this JVM when conform
 * needs a spec's structure (its variables, its actions) rather than a model check: errors come out
 * as the same positioned {@link dev.conform.checker.tlc.TlaParseException} a TLC run reports.
 */
package dev.conform.checker.tlc;
