package dev.conform.runtime.sim;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Json;
import dev.conform.runtime.Options;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one in-process world both simulators drive: the nodes with their roles, liveness,
 * incarnations, timers, persisted state and effect buffers; the links between them; logical time
 * and the step count; starting, crashing and restarting nodes from what they persisted. Which
 * event happens next is the {@link Scheduler}'s business, not the world's.
 *
 * @param <M> the algorithm's message type
 */
final class World<M> {
    final Algorithm<M> algorithm;
    final Options options;
    final List<Integer> serverIds;
    final List<Integer> clientIds;
    final List<SimNode<M>> nodes = new ArrayList<>();
    final Links links;
    private final Map<Integer, Integer> indexById = new HashMap<>();
    /** Dense index by id for the hot path (ids are small in practice); -1 where none. */
    private final int[] smallIndex;
    private final boolean wrapFailures;
    Scheduler<M> scheduler;

    long now;
    long steps;

    /**
     * @param wrapFailures whether a handler's exception is reported as a {@link NodeFailure}
     *                     (the seeded simulator) or passed on as it is (scripted scenarios)
     */
    World(Algorithm<M> algorithm, Options options, List<Integer> servers, List<Integer> clients,
          boolean wrapFailures) {
        this.algorithm = algorithm;
        this.options = options;
        this.serverIds = List.copyOf(servers);
        this.clientIds = List.copyOf(clients);
        this.wrapFailures = wrapFailures;
        int maxId = 0;
        for (int id : serverIds) {
            maxId = Math.max(maxId, id);
        }
        for (int id : clientIds) {
            maxId = Math.max(maxId, id);
        }
        smallIndex = new int[Math.min(maxId, 1 << 16) + 1];
        java.util.Arrays.fill(smallIndex, -1);
        for (int id : serverIds) {
            add(id, false, serverIds);
        }
        for (int id : clientIds) {
            List<Integer> view = new ArrayList<>(serverIds);
            view.add(id);
            add(id, true, List.copyOf(view));
        }
        links = new Links(serverIds.size(), nodes.size());
    }

    private void add(int id, boolean client, List<Integer> view) {
        if (indexById.putIfAbsent(id, nodes.size()) != null) {
            throw new IllegalArgumentException("node id " + id + " given twice");
        }
        if (id >= 0 && id < smallIndex.length) {
            smallIndex[id] = nodes.size();
        }
        nodes.add(new SimNode<>(this, nodes.size(), id, client, view));
    }

    /** The index of node {@code id}, or -1 when there is none. */
    int indexOf(int id) {
        if (id >= 0 && id < smallIndex.length) {
            return smallIndex[id];
        }
        Integer i = indexById.get(id);
        return i == null ? -1 : i;
    }

    /** Node {@code id}, or null when there is none. */
    SimNode<M> slot(int id) {
        int i = indexOf(id);
        return i < 0 ? null : nodes.get(i);
    }

    /**
     * Builds every node fresh and runs its onStart, servers first, in id order within a role.
     * All are up from the start: what one sends in its onStart reaches a peer started after it.
     */
    void start() {
        for (SimNode<M> n : nodes) {
            n.up = true;
        }
        for (SimNode<M> n : nodes) {
            n.node = n.client
                    ? algorithm.createClient(n.id, serverIds, options)
                    : algorithm.create(n.id, serverIds, null, options);
            handle(n, () -> n.node.onStart(n), "start or timer");
        }
    }

    /** Runs one handler of {@code n} and commits its effects (also those asked before a failure). */
    void handle(SimNode<M> n, Runnable handler, String during) {
        try {
            handler.run();
        } catch (RuntimeException | Error e) {
            n.commit(n);
            if (wrapFailures) {
                throw new NodeFailure(n.id, now, during, e);
            }
            throw e;
        }
        n.commit(n);
    }

    /**
     * Hands what {@code n} sends from now on to the algorithm's adversary (seeded from the run
     * seed and the node); its handlers keep running the honest code. The mark survives crashes
     * and restarts: it belongs to the node's slot, not to one incarnation.
     */
    void byzantine(SimNode<M> n, dev.conform.runtime.nemesis.FaultEvent.Byzantine event, long runSeed) {
        n.byzantine(algorithm.adversary(new dev.conform.runtime.Adversary.Setup(n.id, serverIds, options,
                event.behaviours(), runSeed, dev.conform.runtime.Adversary.Setup.randomFor(runSeed, n.id))));
    }

    /** Crashes {@code n}: its volatile state and timers are gone. False when it was down already. */
    boolean crash(SimNode<M> n) {
        if (!n.up) {
            return false;
        }
        n.up = false;
        n.node = null;
        n.timers.clear();
        n.incarnation++;
        scheduler.crashed(n);
        return true;
    }

    /**
     * Erases what the crashed {@code n} persisted (its disk is lost): its next restart starts it
     * from nothing. False, changing nothing, when it is up.
     */
    boolean wipe(SimNode<M> n) {
        if (n.up || n.client) {
            return false;
        }
        n.persisted = null;
        return true;
    }

    /**
     * Restarts {@code n} from what it persisted, read back through JSON (as a real restart reads
     * its file), and runs its onStart. False when it is up.
     */
    boolean restart(SimNode<M> n) {
        if (n.up) {
            return false;
        }
        if (n.client) {
            throw new IllegalArgumentException("clients cannot be crashed or restarted: " + n.id);
        }
        // Reading back what the node persisted and rebuilding it from that is the algorithm's
        // recovery code: a failure there is the algorithm's, like a handler's.
        Object restored;
        try {
            restored = Json.roundTrip(n.persisted, algorithm.persistedType());
            n.persisted = restored;
            n.up = true;
            n.incarnation++;
            n.node = algorithm.create(n.id, serverIds, restored, options);
        } catch (RuntimeException | Error e) {
            if (wrapFailures) {
                throw new NodeFailure(n.id, now, "restart from its persisted state", e);
            }
            throw e;
        }
        scheduler.restarted(n, restored);
        handle(n, () -> n.node.onStart(n), "start or timer");
        return true;
    }
}
