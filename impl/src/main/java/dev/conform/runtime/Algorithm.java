package dev.conform.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Describes one algorithm to the runtime, the CLI and the tests: how to build its nodes, what its
 * messages look like on the wire, which client workload drives it and which teaching flaws it can
 * be run with. Implementations have a public no-argument constructor and are registered for
 * {@link java.util.ServiceLoader} in {@code META-INF/services/dev.conform.runtime.Algorithm}, which
 * is how {@link Algorithms} finds them.
 *
 * @param <M> the message type; usually a sealed interface whose permitted subclasses are records.
 *            A message's trace/wire type name is its class's simple name.
 */
public interface Algorithm<M> {
    /** Short lower-case name used on the command line and in trace headers, e.g. {@code raft}. */
    String name();

    /** One line describing the algorithm. */
    default String description() {
        return name();
    }

    /** The message type; Jackson reads and writes its subclasses (see {@link #messageTypes()}). */
    Class<M> messageType();

    /**
     * Concrete message classes by wire type name. The default lists the permitted subclasses of a
     * sealed {@link #messageType()} (or the type itself when it is a concrete class).
     */
    default Map<String, Class<? extends M>> messageTypes() {
        return MessageTypes.of(messageType());
    }

    /**
     * Builds server {@code id}. {@code persisted} is null for a fresh start, or the value the node
     * last passed to {@link Context#persist}, read back from JSON as {@link #persistedType()}
     * after a crash. {@code servers} lists all server ids in ascending order.
     */
    Node<M> create(int id, List<Integer> servers, Object persisted, Options options);

    /** The type persisted state is read back as (records work); Object gives maps and lists. */
    default Class<?> persistedType() {
        return Object.class;
    }

    /**
     * The option keys this algorithm reads ({@code --option K=V}); a run given any other key is
     * refused ({@link Algorithms#checkOptions}), so a typo such as {@code electonMin} is not
     * silently ignored. The default: it reads none.
     */
    default Set<String> optionKeys() {
        return Set.of();
    }

    /** Default number of servers when a run does not say. */
    default int defaultServers() {
        return 3;
    }

    /**
     * Servers a run with {@code options} has when it does not say: {@link #defaultServers()}
     * unless the options fix the count (the erasure store needs k + m + 1).
     */
    default int defaultServers(Options options) {
        return defaultServers();
    }

    /**
     * The trace header's roles of the servers (see {@code TraceHeader.roles}): role name to the
     * servers that have it, every server exactly once. The default gives all of them the role
     * {@code server}; an algorithm whose servers differ (a coordinator and participants) names
     * them. Clients are added by the runtime under the role {@code client}.
     */
    default Map<String, List<Integer>> serverRoles(List<Integer> servers) {
        return Map.of(dev.conform.tracing.TraceHeader.SERVER, servers);
    }

    /** Number of client nodes (role "client") for these options; 0 when there is no workload. */
    default int clients(Options options) {
        return 0;
    }

    /**
     * Builds client {@code id} that drives the servers; clients never persist. The id is the
     * runtime's choice; a client is known as one by its role, not by its id.
     */
    default Node<M> createClient(int id, List<Integer> servers, Options options) {
        throw new UnsupportedOperationException(name() + " has no client workload");
    }

    /** Teaching flaws: name to one-line description of the bug it plants. */
    default Map<String, String> flaws() {
        return Map.of();
    }

    /** Network semantics the algorithm is written for (runs may still choose another). */
    default NetSemantics defaultNet() {
        return NetSemantics.RELIABLE;
    }

    /**
     * The options a run with seed {@code seed} uses, as its trace header records them: by default
     * {@code options} itself. An algorithm whose header must bind every parameter (its trace spec
     * reads them from the header) fills in its defaults here, and may resolve option values that
     * depend on the seed (e.g. one variant per seed). Deterministic: the same arguments give the
     * same options, so a run still replays from its seed.
     */
    default Options resolveOptions(Options options, long seed) {
        return options;
    }

    /**
     * Which of {@code servers} random fault plans may wipe (a crashed node restarts with nothing
     * persisted: its disk is lost), and how many wipes a plan may hold at most. The default is
     * none: an algorithm opts in only when it is built to survive some disk losses (the erasure
     * store's storage nodes), and every other algorithm's plans stay exactly as they were.
     */
    default dev.conform.runtime.nemesis.DiskLoss diskLoss(List<Integer> servers, Options options) {
        return dev.conform.runtime.nemesis.DiskLoss.NONE;
    }

    /** When a run may stop early, or null to run until its budget is spent or nothing is left. */
    default StopCondition<M> stopCondition(Options options) {
        return null;
    }

    /**
     * How many of {@code servers} a fault plan may make Byzantine
     * ({@link dev.conform.runtime.nemesis.FaultEvent.Byzantine}) with the algorithm still meant to be
     * safe. The default is 0: a plan with any Byzantine server is refused
     * ({@link Algorithms#checkPlan}), so no other algorithm's runs or traces ever see one.
     */
    default int byzantineTolerance(List<Integer> servers, Options options) {
        return 0;
    }

    /** The behaviours a Byzantine event's {@code behaviours} may name for this algorithm's adversary. */
    default Set<String> byzantineBehaviours() {
        return Set.of();
    }

    /**
     * What random chaos plans may do with Byzantine servers in a run with {@code options}: at most
     * {@link #byzantineTolerance} of them, with behaviours drawn from {@link #byzantineBehaviours()}
     * (sorted: the draws depend on the order). An algorithm may narrow the behaviours, e.g. a
     * teaching flaw's runs to the behaviour that exploits it. Not consulted when the run's options
     * say {@code byzantine=false} ({@link dev.conform.runtime.nemesis.ByzantineFaults#OPTION}): its
     * chaos is crash-only.
     */
    default dev.conform.runtime.nemesis.ByzantineFaults byzantineChaos(List<Integer> servers, Options options) {
        int f = byzantineTolerance(servers, options);
        return f <= 0 ? dev.conform.runtime.nemesis.ByzantineFaults.NONE
                : new dev.conform.runtime.nemesis.ByzantineFaults(f, byzantineBehaviours().stream().sorted().toList());
    }

    /**
     * The adversary that controls what Byzantine server {@code setup.id()} sends. Called when a
     * plan's Byzantine event applies; only for algorithms with a positive
     * {@link #byzantineTolerance}.
     */
    default Adversary<M> adversary(Adversary.Setup setup) {
        throw new UnsupportedOperationException(name() + " has no Byzantine adversary");
    }
}
