/**
 * Trace mutation: the validator measuring itself. From a conforming trace, operators
 * ({@link dev.conform.checker.mutate.Catalogue}) derive wrong traces that no implementation could
 * have produced under the trace's header; {@link dev.conform.checker.mutate.MutationRun} validates
 * each like {@code conform validate} and scores, per operator, what TLC and the Java side rejected.
 * Operators are generic over the trace format (roles, message ids, event kinds);
 * {@link dev.conform.checker.mutate.AlgorithmTable} holds what they cannot know from it (the state
 * fields each spec models, client replies, header parameters). Edited traces get sequence numbers
 * and clocks recomputed ({@link dev.conform.checker.mutate.Clocks}) so that the reader's rules hold
 * and the lie is semantic. A node the trace's plan made Byzantine may record any actions and
 * states, so operators skip those ({@link dev.conform.checker.mutate.Trace#byzantineAt}); its sends
 * stay open to them. The library behind {@code conform mutate}.
 */
package dev.conform.checker.mutate;
