package dev.conform.runtime;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What a Byzantine server sends instead of what its honest code asked for. A fault plan's
 * {@link dev.conform.runtime.nemesis.FaultEvent.Byzantine} event arms one for a server
 * ({@link Algorithm#adversary}); from then on the server's handlers still run the honest code and
 * record their actions and states, but every handler's sends pass through {@link #sends} before
 * anything of the handler is recorded ({@link EffectBuffer#commit}). The adversary holds only what
 * that server holds (its own signing key, what it received): it can do anything a holder of that
 * server's key can do, and nothing more.
 *
 * <p>Deterministic: every choice comes from {@link Setup#random()}, seeded from the run seed and
 * the node, so the same seed and plan still give the same trace.
 *
 * @param <M> the algorithm's message type
 */
public interface Adversary<M> {
    /** One message and its peer: the destination of a send, the sender of a delivery. */
    record Envelope<M>(int peer, M msg) {
    }

    /**
     * What an algorithm builds its adversary from.
     *
     * @param id         the Byzantine server
     * @param servers    all servers, ascending
     * @param options    the run's resolved options (as its trace header records them)
     * @param behaviours what the plan allows it to do (names from {@link Algorithm#byzantineBehaviours()})
     * @param runSeed    the run's seed (an algorithm deriving keys from it derives the node's own)
     * @param random     the adversary's own source, seeded from the run seed and {@code id}
     */
    record Setup(int id, List<Integer> servers, Options options, List<String> behaviours, long runSeed,
                 SplittableRandom random) {
        public Setup {
            servers = List.copyOf(servers);
            behaviours = List.copyOf(behaviours);
        }

        /** The adversary's source for node {@code id} of a run with seed {@code runSeed}. */
        public static SplittableRandom randomFor(long runSeed, int id) {
            // A stream of its own: the simulator's draws stay those of the run without it.
            return new SplittableRandom(runSeed ^ (0xB72E_6E5A_3C1D_9F47L * (id + 1L)));
        }
    }

    /**
     * The sends one handler of the Byzantine node makes, in order: called once per handler (start,
     * timer, delivery) after the honest code ran.
     *
     * @param received the delivery the handler handled (peer = its sender), or null for a start or
     *                 a timer
     * @param honest   the sends the honest code asked for, in order (peer = destination)
     * @return the sends made instead (may be empty, may hold messages the honest code never built)
     */
    List<Envelope<M>> sends(Envelope<M> received, List<Envelope<M>> honest);
}
