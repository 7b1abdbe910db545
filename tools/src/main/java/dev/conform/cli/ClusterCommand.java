package dev.conform.cli;

import dev.conform.cli.options.AlgorithmOptions;
import dev.conform.cli.options.ClusterDirOption;
import dev.conform.cli.options.FlawsOption;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.net.ClusterLauncher;
import dev.conform.runtime.net.TransportKind;
import dev.conform.runtime.net.Transports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code conform cluster start|stop|status|kill|restart|client|trace}: a local cluster, one OS
 * process per node over TCP, UDP or QUIC, a key-value client for Raft clusters, and the merged trace.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Run an algorithm as real processes on loopback (one per node; --transport tcp, udp or quic).",
        subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class, ClusterCommand.Status.class,
                ClusterCommand.Kill.class, ClusterCommand.Restart.class, ClusterClientCommand.class,
                ClusterCommand.Trace.class})
final class ClusterCommand implements Runnable {
    /** System property naming the classpath node processes run with (default: this JVM's). */
    static final String CLASSPATH_PROPERTY = "conform.cluster.classpath";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the nodes; pids, logs, data and per-node traces go to --dir.")
    static final class Start implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ALGORITHM")
        String algorithm;

        @Option(names = "--nodes", defaultValue = "3", description = "number of nodes (default ${DEFAULT-VALUE})")
        int nodes;

        @Mixin
        ClusterDirOption dir;

        @Option(names = "--tick-ms", defaultValue = "10", description = "milliseconds per logical tick (default ${DEFAULT-VALUE})")
        long tickMs;

        @Mixin
        FlawsOption flaws;

        @Mixin
        AlgorithmOptions options;

        @Option(names = "--transport", defaultValue = "tcp", paramLabel = "tcp|udp|quic",
                description = "what carries the nodes' messages (default ${DEFAULT-VALUE}); recorded in every trace header")
        String transport;

        @Override
        public Integer call() throws Exception {
            TransportKind kind;
            try {
                kind = TransportKind.fromWire(transport);
                AlgorithmOptions.checked(Algorithms.byName(algorithm), options.options());
                Transports.requireSupport(Algorithms.byName(algorithm), kind);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            if (nodes < 1) {
                throw new UserError("--nodes must be at least 1");
            }
            List<String> extra = new ArrayList<>(List.of("--tick-ms", String.valueOf(tickMs)));
            flaws.flaws().forEach(f -> extra.addAll(List.of("--flaw", f)));
            options.options().forEach((k, v) -> extra.addAll(List.of("--option", k + "=" + v)));
            List<ProcessHandle> started;
            try {
                started = ClusterLauncher.start(algorithm, nodes, dir.dir(),
                        System.getProperty(CLASSPATH_PROPERTY, System.getProperty("java.class.path")), kind, extra);
            } catch (IllegalStateException e) {
                throw new UserError(e.getMessage());
            }
            PrintWriter o = spec.commandLine().getOut();
            for (int i = 0; i < started.size(); i++) {
                o.println("node " + (i + 1) + " pid " + started.get(i).pid());
            }
            o.println("started " + started.size() + " " + algorithm + " nodes over " + kind.wireName() + " in " + dir.dir()
                    + " (traces node-N.ndjson; stop with: conform cluster stop --dir " + dir.dir() + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop every node of the cluster.")
    static final class Stop implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        ClusterDirOption dir;

        @Override
        public Integer call() throws Exception {
            int n = ClusterLauncher.stop(dir.dir());
            spec.commandLine().getOut().println("stopped " + n + " node" + (n == 1 ? "" : "s") + " in " + dir.dir());
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show each node: pid, alive, progress.")
    static final class Status implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        ClusterDirOption dir;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            List<ClusterLauncher.NodeStatus> all = ClusterLauncher.status(dir.dir());
            if (all.isEmpty()) {
                o.println("no cluster in " + dir.dir());
                return ExitCodes.OK;
            }
            for (ClusterLauncher.NodeStatus s : all) {
                o.println("node " + s.id() + " pid " + s.pid() + (s.alive() ? " up" : " down")
                        + roleAndTerm(s)
                        + " delivered=" + s.status().getOrDefault("delivered", "?")
                        + " actions=" + s.status().getOrDefault("actions", "{}"));
            }
            return ExitCodes.OK;
        }

        /**
         * " role=Leader term=3" when the node's last recorded state has them (Raft does); Paxos
         * records a leader flag and a ballot, shown as " role=Leader ballot=4".
         */
        private static String roleAndTerm(ClusterLauncher.NodeStatus s) {
            if (!s.alive() || !(s.status().get("state") instanceof Map<?, ?> st)) {
                return "";
            }
            StringBuilder b = new StringBuilder();
            if (st.get("role") != null) {
                b.append(" role=").append(st.get("role"));
            } else if (st.get("leader") instanceof Boolean leads) {
                b.append(" role=").append(leads ? "Leader" : "Replica");
            }
            if (st.get("currentTerm") != null) {
                b.append(" term=").append(st.get("currentTerm"));
            }
            if (st.get("ballot") != null) {
                b.append(" ballot=").append(st.get("ballot"));
            }
            return b.toString();
        }
    }

    /** A command acting on one node of the cluster; a refusal by the launcher is bad input. */
    abstract static class NodeCommand implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NODE")
        int node;

        @Mixin
        ClusterDirOption dir;

        /** Acts on the node; returns the line to print. */
        abstract String act() throws Exception;

        @Override
        public Integer call() throws Exception {
            String done;
            try {
                done = act();
            } catch (IllegalStateException e) {
                throw new UserError(e.getMessage());
            }
            spec.commandLine().getOut().println(done);
            return ExitCodes.OK;
        }
    }

    @Command(name = "kill", mixinStandardHelpOptions = true,
            description = "SIGKILL one node (a crash: nothing flushed, nothing closed).")
    static final class Kill extends NodeCommand {
        @Override
        String act() throws Exception {
            return "killed node " + node + " (pid " + ClusterLauncher.kill(dir.dir(), node) + ")";
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true,
            description = "Start a stopped or killed node again from its persisted state (its trace continues).")
    static final class Restart extends NodeCommand {
        @Override
        String act() throws Exception {
            return "node " + node + " pid " + ClusterLauncher.restart(dir.dir(), node).pid() + " restarted";
        }
    }

    @Command(name = "trace", mixinStandardHelpOptions = true,
            description = "Merge the per-node traces (servers and clients) into one causally ordered trace.")
    static final class Trace implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "NDJSON", description = "the merged trace")
        Path out;

        @Mixin
        ClusterDirOption dir;

        @Override
        public Integer call() throws Exception {
            if (!java.nio.file.Files.isDirectory(dir.dir())) {
                throw new UserError("no cluster directory " + dir.dir());
            }
            long n;
            try {
                n = dev.conform.runtime.net.ClusterTrace.merge(dir.dir(), out);
            } catch (IllegalStateException | dev.conform.tracing.merge.TraceMergeException
                     | dev.conform.tracing.io.TraceFormatException e) {
                throw new UserError(e.getMessage());
            }
            spec.commandLine().getOut().println("merged " + dev.conform.runtime.net.ClusterTrace.files(dir.dir()).size()
                    + " traces into " + out + " (" + n + " events)");
            return ExitCodes.OK;
        }
    }
}
