package dev.conform.cli;

import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.algorithms.raft.kv.KvCommand;
import dev.conform.algorithms.raft.kv.KvClientProtocol;
import dev.conform.algorithms.raft.kv.KvRemoteClient;
import dev.conform.algorithms.paxos.PaxosMessage;
import dev.conform.cli.options.ClusterDirOption;
import dev.conform.cli.options.OptionDefaults;
import dev.conform.cli.options.TimeoutOption;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.net.ClientIds;
import dev.conform.runtime.net.ClusterLauncher;
import dev.conform.runtime.net.FrameCodec;
import dev.conform.runtime.net.NetClient;
import dev.conform.runtime.net.TransportKind;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code conform cluster client put K V | get K | cas K OLD NEW}: one key-value command against a
 * running Raft or Multi-Paxos cluster. The client finds the leader by following redirects, retries with the same
 * (client id, sequence number) until the deadline, prints the result and exits 0, or exits 3 when
 * no leader answered in time. Its client id comes from the cluster directory's counter
 * ({@link ClientIds}), so invocations never share one; its trace goes to {@code client-ID.ndjson}.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = {"Run one key-value command on a running Raft or Paxos cluster:",
                "put KEY VALUE | get KEY | cas KEY EXPECTED NEW (EXPECTED '-' = absent).",
                "Prints the result (put: OK; get: the value or (absent); cas: true/false).",
                "Exit 0 on success, 3 when the cluster cannot be reached within --timeout."},
        defaultValueProvider = OptionDefaults.Provider.class)
final class ClusterClientCommand implements Callable<Integer>, OptionDefaults {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "2..4", paramLabel = "WORD", description = "the command, e.g. put k v")
    List<String> words = new ArrayList<>();

    @Mixin
    ClusterDirOption clusterDir;

    @Mixin
    TimeoutOption timeout;

    /** A key-value command answers within milliseconds; ten seconds covers an election. */
    @Override
    public Map<String, String> optionDefaults() {
        return Map.of("--timeout", "10s");
    }

    @Override
    public Integer call() throws Exception {
        Path dir = clusterDir.dir();
        Duration limit = timeout.timeout();
        if (limit == null) {
            throw new UserError("--timeout none: a client command needs a time limit");
        }
        long millis = limit.toMillis();
        KvCommand cmd;
        try {
            cmd = KvCommand.parse(String.join(" ", words));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + " (want put KEY VALUE, get KEY, cas KEY EXPECTED NEW or append KEY VALUE)");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError("no cluster directory " + dir + " (conform cluster start raft)");
        }
        Map<Integer, InetSocketAddress> servers;
        String algorithm;
        TransportKind transport;
        try {
            servers = ClusterLauncher.addresses(dir);
            algorithm = ClusterLauncher.algorithm(dir);
            transport = ClusterLauncher.transport(dir);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        KvClientProtocol<?> protocol = switch (algorithm) {
            case "raft" -> RaftMessage.CLIENT_PROTOCOL;
            case "paxos" -> PaxosMessage.CLIENT_PROTOCOL;
            default -> throw new UserError("the client speaks the key-value protocol of raft and paxos; the cluster in "
                    + dir + " runs " + algorithm);
        };
        int id = ClientIds.next(dir, servers.keySet());
        FrameCodec codec = new FrameCodec(Algorithms.byName(algorithm).messageTypes());
        KvRemoteClient.Outcome outcome;
        try {
            outcome = execute(protocol, algorithm, id, servers, codec, dir.resolve("client-" + id + ".ndjson"), cmd,
                    millis, transport, ClusterLauncher.credentials(dir));
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage());
        }
        if (!outcome.ok()) {
            spec.commandLine().getErr().println("conform: no leader answered within " + millis
                    + " ms (" + outcome.attempts() + " attempts, client " + id + ")");
            return ExitCodes.TOOL_FAILURE;
        }
        String shown = switch (cmd.kind()) {
            case PUT, APPEND -> "OK";
            case GET -> outcome.value() == null ? "(absent)" : outcome.value();
            case CAS -> outcome.value();
        };
        spec.commandLine().getOut().println(shown);
        return ExitCodes.OK;
    }

    private static <M> KvRemoteClient.Outcome execute(KvClientProtocol<M> protocol, String algorithm, int id,
                                                      Map<Integer, InetSocketAddress> servers, FrameCodec codec,
                                                      Path trace, KvCommand cmd, long millis, TransportKind transport,
                                                      Path credentials) throws Exception {
        try (NetClient<M> net = new NetClient<>(algorithm, id, servers, codec, trace, 500, transport,
                Files.isDirectory(credentials) ? credentials : null)) {
            return new KvRemoteClient<>(protocol, net, List.copyOf(servers.keySet()), 1000).execute(cmd, millis);
        }
    }
}
