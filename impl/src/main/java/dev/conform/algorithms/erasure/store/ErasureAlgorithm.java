package dev.conform.algorithms.erasure.store;

import dev.conform.algorithms.raft.kv.KvClientNode;
import dev.conform.algorithms.raft.kv.KvWorkload;
import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.Json;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import dev.conform.runtime.TeachingFlaw;
import dev.conform.runtime.nemesis.DiskLoss;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code erasure} algorithm descriptor: a coordinator (the lowest server id) and k + m storage
 * nodes (the others; the i-th lowest holds shard index i), driven by the shared key-value clients
 * with a put/get workload.
 *
 * <p>Options, all resolved into the trace header: {@code k} (2), {@code m} (1), {@code writeQuorum}
 * (k + m), {@code repairEvery} (60 ticks, 0 = off), {@code diskLoss} (false: chaos plans wipe no
 * disks), and the client workload {@code clients} (2), {@code ops} (10), {@code keys} (2),
 * {@code retry} (150), {@code workloadSeed} (1). Runs need k + m + 1 servers. Flaws: {@link ErasureFlaw}.
 */
public final class ErasureAlgorithm extends AbstractAlgorithm<ErasureMessage> {
    public static final String NAME = "erasure";
    public static final String ROLE_COORDINATOR = "coordinator";
    public static final String ROLE_STORAGE = "storage";

    private static final Map<String, String> DEFAULTS = defaults();

    public ErasureAlgorithm() {
        super(NAME, "Reed-Solomon erasure-coded key-value store (versions from a coordinator, write quorums, repair)",
                ErasureMessage.class, Object.class, NetSemantics.UNRELIABLE);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("k", "2");
        d.put("m", "1");
        d.put("repairEvery", "60");
        d.put("diskLoss", "false");
        d.put("clients", "2");
        d.put("ops", "10");
        d.put("keys", "2");
        d.put("retry", "150");
        d.put("workloadSeed", "1");
        return d;
    }

    @Override
    public Node<ErasureMessage> create(int id, List<Integer> servers, Object persisted, Options options) {
        ErasureConfig cfg = config(options);
        if (servers.size() != cfg.storageNodes() + 1) {
            throw new IllegalArgumentException("erasure with k=" + cfg.k() + ", m=" + cfg.m() + " needs "
                    + (cfg.storageNodes() + 1) + " servers (a coordinator and k+m storage nodes), got " + servers.size());
        }
        List<Integer> storage = servers.subList(1, servers.size());
        if (id == servers.get(0)) {
            return new Coordinator(cfg, storage, persisted == null ? null
                    : Json.mapper().convertValue(persisted, CoordinatorDurable.class));
        }
        return new StorageNode(storage.indexOf(id), servers.get(0), persisted == null ? null
                : Json.mapper().convertValue(persisted, StorageDurable.class));
    }

    @Override
    public int defaultServers() {
        return 4;
    }

    /** A coordinator and k + m storage nodes. */
    @Override
    public int defaultServers(Options options) {
        return config(options).storageNodes() + 1;
    }

    @Override
    public Map<String, List<Integer>> serverRoles(List<Integer> servers) {
        Map<String, List<Integer>> roles = new LinkedHashMap<>();
        roles.put(ROLE_COORDINATOR, List.of(servers.get(0)));
        roles.put(ROLE_STORAGE, List.copyOf(servers.subList(1, servers.size())));
        return roles;
    }

    /**
     * With {@code diskLoss}, chaos plans may wipe storage nodes' disks, at most W - k per plan: a
     * write acknowledged by W nodes then keeps at least k shards, enough to read and to repair.
     */
    @Override
    public DiskLoss diskLoss(List<Integer> servers, Options options) {
        if (!options.getBoolean("diskLoss", false)) {
            return DiskLoss.NONE;
        }
        ErasureConfig cfg = config(options);
        return new DiskLoss(serverRoles(servers).get(ROLE_STORAGE), cfg.writeQuorum() - cfg.k());
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("k", "m", "writeQuorum", "repairEvery", "diskLoss", "clients", "ops", "keys", "retry",
                "workloadSeed");
    }

    @Override
    public Options resolveOptions(Options options, long seed) {
        Options o = options;
        for (Map.Entry<String, String> d : DEFAULTS.entrySet()) {
            if (!o.values().containsKey(d.getKey())) {
                o = o.with(d.getKey(), d.getValue());
            }
        }
        if (!o.values().containsKey("writeQuorum")) {
            o = o.with("writeQuorum", o.getInt("k", 2) + o.getInt("m", 1));
        }
        config(o); // bad values are refused here, before the run
        return o;
    }

    @Override
    public int clients(Options options) {
        return options.getInt("clients", 2);
    }

    @Override
    public Node<ErasureMessage> createClient(int id, List<Integer> servers, Options options) {
        return new KvClientNode<>(ErasureMessage.CLIENT_PROTOCOL, List.of(servers.get(0)),
                KvWorkload.putsAndGets(KvClientNode.workloadSeed(options, id), id, options.getInt("ops", 10), options.getInt("keys", 2)),
                options.getLong("retry", 150));
    }

    @Override
    public Map<String, String> flaws() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(ErasureFlaw.ACK_BEFORE_QUORUM.flawName(),
                "the coordinator acknowledges a write after k durable shards instead of W (Durable)");
        f.put(ErasureFlaw.REPAIR_MIXED_VERSIONS.flawName(),
                "repair decodes from the first k shards it gets for a key, whatever their versions (NoMixedRead, RepairExact)");
        return f;
    }

    @Override
    public StopCondition<ErasureMessage> stopCondition(Options options) {
        return KvClientNode.allDone(clients(options));
    }

    /** The store configuration these options ask for; unknown flaw names are an error. */
    public static ErasureConfig config(Options options) {
        Set<ErasureFlaw> flaws = TeachingFlaw.parse(options, ErasureFlaw.class, "erasure");
        int k = options.getInt("k", 2);
        int m = options.getInt("m", 1);
        return new ErasureConfig(k, m, options.getInt("writeQuorum", k + m), options.getLong("repairEvery", 60), flaws);
    }
}
