package dev.conform.runtime.scenario;

import dev.conform.runtime.Options;
import dev.conform.runtime.sim.SteppedSimulator;
import dev.conform.runtime.sim.SteppedSimulator.InFlight;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Runs a {@link ScenarioScript} against a {@link SteppedSimulator} and records what each command
 * printed. The generic commands (see the package documentation) are handled here, one table entry
 * each; printing states and messages, client commands and assertions go through the algorithm's
 * {@link ScenarioInspector}.
 *
 * <p>A malformed command or an assertion that does not hold stops the run with a
 * {@link ScenarioException} naming the file and line: a broken scenario is never a pass, and a
 * failed assertion is never written into a golden file.
 *
 * @param <M> the algorithm's message type
 */
public final class ScenarioRunner<M> {
    /** Client id the scripted client commands come from (the first client id of the runtime). */
    public static final int CLIENT = 101;
    /** Most deliveries one {@code deliver-all} performs before it gives up (a livelock guard). */
    static final int MAX_DELIVERIES = 10_000;
    private static final int ANY = Integer.MAX_VALUE;

    /**
     * A generic command: it takes {@code min..max} arguments; when {@code usage} is set, too few
     * arguments are reported with it instead of with the counts.
     */
    private record Command(int min, int max, String usage, Consumer<List<Token>> run) {
    }

    private final ScenarioInspector<M> inspector;
    private SteppedSimulator<M> sim;
    private Options options;
    private long clientSeq;
    private M lastRequest;
    private ScenarioScript script;
    private ScenarioScript.Block block;
    private List<String> out;
    private int actionNode;
    private StringBuilder actionLine;

    private final Map<String, Command> commands = Map.ofEntries(
            Map.entry("nodes", new Command(1, ANY, "nodes N [key=value ...] [flaw=NAME ...]", this::nodes)),
            Map.entry("tick", new Command(1, 1, null, w -> {
                sim.tick(integer(w.get(1)));
                flushActions();
                out.add("now t=" + sim.now());
            })),
            Map.entry("campaign", new Command(1, 1, null, this::campaign)),
            Map.entry("fire", new Command(2, 2, null, w -> fireTimer(w.get(1), w.get(2).text()))),
            Map.entry("deliver", new Command(0, 2, null, w -> deliver(w, false))),
            Map.entry("drop", new Command(0, 2, null, w -> deliver(w, true))),
            Map.entry("deliver-all", new Command(0, 0, null, this::deliverAll)),
            Map.entry("pending", new Command(0, 0, null, w -> {
                sim.inFlight().forEach(m -> out.add(describe(m)));
                if (sim.inFlight().isEmpty()) {
                    out.add("no messages in flight");
                }
            })),
            Map.entry("partition", new Command(1, ANY, "partition {1} {2,3}", this::partition)),
            Map.entry("heal", new Command(0, 0, null, w -> {
                sim.heal();
                out.add("healed");
            })),
            Map.entry("crash", new Command(1, 1, null, this::crash)),
            Map.entry("restart", new Command(1, 1, null, this::restart)),
            Map.entry("state", new Command(0, 0, null, w -> states(sim.servers()))),
            Map.entry("resend", new Command(0, 1, null, this::resend)),
            Map.entry("assert", new Command(1, ANY, "assert WHAT ...", this::check)));

    public ScenarioRunner(ScenarioInspector<M> inspector) {
        this.inspector = inspector;
    }

    /** Runs every block of {@code s} from a fresh state; throws {@link ScenarioException}. */
    public Transcript run(ScenarioScript s) {
        this.script = s;
        this.sim = null;
        this.clientSeq = 0;
        this.lastRequest = null;
        List<List<String>> outputs = new ArrayList<>();
        for (ScenarioScript.Block b : s.blocks()) {
            block = b;
            out = new ArrayList<>();
            actionLine = null;
            try {
                execute(b.words());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw fail(1, e.getMessage());
            }
            flushActions();
            outputs.add(List.copyOf(out));
        }
        return new Transcript(s, outputs);
    }

    private void execute(List<Token> w) {
        String cmd = w.get(0).text();
        if (sim == null && !cmd.equals("nodes")) {
            throw fail(w.get(0), "the first command must be 'nodes N'");
        }
        if (sim != null && cmd.equals("nodes")) {
            throw fail(w.get(0), "'nodes' may appear only once, first");
        }
        Command c = commands.get(cmd);
        if (c == null && inspector.clientVerbs().contains(cmd)) {
            client(w);
            return;
        } else if (c == null) {
            throw fail(w.get(0), "unknown command '" + cmd + "'");
        }
        int args = w.size() - 1;
        if (args < c.min && c.usage != null) {
            throw fail(w.get(0), "usage: " + c.usage);
        } else if (args < c.min || args > c.max) {
            throw fail(args > c.max ? w.get(c.max + 1) : w.get(0), "'" + cmd + "' takes "
                    + (c.min == c.max ? "" + c.min : c.min + " to " + c.max) + " argument" + (c.max == 1 ? "" : "s")
                    + ", got " + args);
        }
        c.run.accept(w);
    }

    // ---- commands ----------------------------------------------------------------------

    private void nodes(List<Token> w) {
        int n = (int) Math.min(integer(w.get(1)), Integer.MAX_VALUE);
        Options options = Options.empty();
        for (Token t : w.subList(2, w.size())) {
            int eq = t.text().indexOf('=');
            if (eq <= 0) {
                throw fail(t, "expected key=value, got '" + t.text() + "'");
            }
            String key = t.text().substring(0, eq);
            String value = t.text().substring(eq + 1);
            options = key.equals("flaw") ? options.withFlaw(value) : options.with(key, value);
        }
        try {
            // a scripted run has no seed: options resolve as a seeded run's with seed 0 would
            options = inspector.algorithm().resolveOptions(options, 0);
            this.options = options;
            sim = new SteppedSimulator<>(inspector.algorithm(), n, options);
        } catch (IllegalArgumentException e) {
            throw fail(w.get(1), e.getMessage());
        }
        sim.listener(new SteppedSimulator.Listener<>() {
            @Override
            public void action(int node, String name, Object state) {
                if (actionLine != null && actionNode == node) {
                    actionLine.append(", ").append(name);
                    return;
                }
                flushActions();
                actionNode = node;
                actionLine = new StringBuilder("    ").append(node).append(": ").append(name);
            }

            @Override
            public void timer(int node, String name, long time) {
                flushActions();
                out.add("t=" + time + " " + node + " fires " + name);
            }

            @Override
            public void dropped(InFlight<M> m, String reason) {
                if (!reason.equals("dropped")) { // a drop command printed its own line
                    flushActions();
                    out.add("  lost " + describe(m) + " (" + reason + ")");
                }
            }
        });
        states(sim.servers());
    }

    private void campaign(List<Token> w) {
        String timer = inspector.electionTimer();
        if (timer == null) {
            throw fail(w.get(0), inspector.algorithm().name() + " has no election timer");
        }
        fireTimer(w.get(1), timer);
    }

    private void fireTimer(Token nodeToken, String timer) {
        int id = server(nodeToken);
        if (!sim.fire(id, timer)) {
            throw fail(nodeToken, "node " + id + (sim.up(id) ? " has no armed timer '" + timer + "'" : " is down"));
        }
    }

    /** {@code deliver|drop [FROM->TO] [COUNT]}; '*' matches any node. */
    private void deliver(List<Token> w, boolean drop) {
        int[] link = w.size() >= 2 ? link(w.get(1)) : new int[] {0, 0};
        long limit = w.size() == 3 ? integer(w.get(2)) : Long.MAX_VALUE;
        int done = 0;
        for (InFlight<M> m : sim.inFlight()) {
            if (done >= limit) {
                break;
            }
            if ((link[0] == 0 || m.from() == link[0]) && (link[1] == 0 || m.to() == link[1])) {
                step(m, drop);
                done++;
            }
        }
        if (done == 0) {
            out.add("no messages in flight" + (w.size() >= 2 ? " on " + w.get(1).text() : ""));
        }
    }

    private void deliverAll(List<Token> w) {
        int done = 0;
        while (!sim.inFlight().isEmpty()) {
            if (++done > MAX_DELIVERIES) {
                throw fail(w.get(0), "still messages in flight after " + MAX_DELIVERIES + " deliveries");
            }
            step(sim.inFlight().get(0), false);
        }
        if (done == 0) {
            out.add("no messages in flight");
        }
    }

    private void step(InFlight<M> m, boolean drop) {
        flushActions();
        if (drop) {
            out.add("drop " + describe(m));
            sim.drop(m);
            return;
        }
        int at = out.size();
        out.add(describe(m));
        if (!sim.deliver(m)) {
            out.remove(at); // the drop line says it all
        }
    }

    private void partition(List<Token> w) {
        List<Set<Integer>> groups = new ArrayList<>();
        w.subList(1, w.size()).forEach(t -> groups.add(set(t)));
        try {
            sim.partition(groups);
        } catch (IllegalArgumentException e) {
            throw fail(w.get(1), e.getMessage());
        }
        StringBuilder sb = new StringBuilder("partitioned");
        for (Set<Integer> g : sim.groups()) {
            sb.append(' ').append(g.toString().replace('[', '{').replace(']', '}').replace(" ", ""));
        }
        out.add(sb.toString());
    }

    private void crash(List<Token> w) {
        int id = server(w.get(1));
        out.add("crashed " + id);
        if (!sim.crash(id)) {
            throw fail(w.get(1), "node " + id + " is already down");
        }
    }

    private void restart(List<Token> w) {
        int id = server(w.get(1));
        if (sim.up(id)) {
            throw fail(w.get(1), "node " + id + " is up");
        }
        sim.restart(id);
        flushActions();
        out.add("restarted " + inspector.state(id, sim));
    }

    private void check(List<Token> w) {
        String problem;
        try {
            problem = inspector.check(w.subList(1, w.size()).stream().map(Token::text).toList(), sim);
        } catch (IllegalArgumentException e) {
            throw fail(w.get(1), e.getMessage());
        }
        if (problem != null) {
            throw new ScenarioAssertionException(script.file(), block.line(), w.get(0).column(),
                    "assertion failed: " + block.command() + ": " + problem);
        }
        out.add("ok");
    }

    /**
     * {@code put k v [@N]}: the request goes to N, or to the inspector's target (the leader);
     * {@code @N,M,...} sends the same request to each, as a client's retransmission to all does.
     */
    private void client(List<Token> w) {
        List<String> words = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (Token t : w) {
            if (t.text().startsWith("@")) {
                targets.addAll(targets(t));
            } else {
                words.add(t.text());
            }
        }
        lastRequest = inspector.clientRequest(CLIENT, ++clientSeq, words, options);
        send(w.get(0), targets);
    }

    /** {@code resend [@N,M,...]}: the client's last request again, as its retry timer sends it. */
    private void resend(List<Token> w) {
        if (lastRequest == null) {
            throw fail(w.get(0), "no client request to resend");
        }
        if (w.size() == 2 && !w.get(1).text().startsWith("@")) {
            throw fail(w.get(1), "expected @N or @N,M,..., got '" + w.get(1).text() + "'");
        }
        send(w.get(0), w.size() == 2 ? targets(w.get(1)) : List.of());
    }

    /** Delivers the last request to {@code targets}, or to the inspector's target when none is named. */
    private void send(Token verb, List<Integer> targets) {
        int fallback = targets.isEmpty() ? inspector.clientTarget(sim) : 0;
        if (targets.isEmpty() && fallback == 0) {
            throw fail(verb, "no server to send '" + verb.text() + "' to; name one with @N");
        }
        for (int target : targets.isEmpty() ? List.of(fallback) : targets) {
            step(sim.inject(CLIENT, target, lastRequest), false);
        }
    }

    /** {@code @N} or {@code @N,M,...}. */
    private List<Integer> targets(Token t) {
        List<Integer> out = new ArrayList<>();
        int col = t.column() + 1;
        for (String part : t.text().substring(1).split(",", -1)) {
            out.add(server(new Token(part, col)));
            col += part.length() + 1;
        }
        return out;
    }

    // ---- helpers -----------------------------------------------------------------------

    private void states(List<Integer> ids) {
        ids.forEach(id -> out.add(inspector.state(id, sim)));
    }

    private String describe(InFlight<M> m) {
        return m.from() + "->" + m.to() + " " + inspector.message(m.msg());
    }

    private void flushActions() {
        if (actionLine != null) {
            out.add(actionLine.toString());
            actionLine = null;
        }
    }

    private long integer(Token t) {
        long v;
        try {
            v = Long.parseLong(t.text());
        } catch (NumberFormatException e) {
            throw fail(t, "expected an integer, got '" + t.text() + "'");
        }
        if (v < 0) {
            throw fail(t, "expected a non-negative integer, got '" + t.text() + "'");
        }
        return v;
    }

    private int server(Token t) {
        long id = integer(t);
        if (id < 1 || id > sim.servers().size()) {
            throw fail(t, "no server " + t.text() + " (servers are 1.." + sim.servers().size() + ")");
        }
        return (int) id;
    }

    /** FROM->TO with '*' for any; clients (e.g. 101) may appear. */
    private int[] link(Token t) {
        String s = t.text();
        int arrow = s.indexOf("->");
        if (arrow < 0) {
            throw fail(t, "expected FROM->TO (e.g. 1->2, *->3), got '" + s + "'");
        }
        return new int[] {endpoint(s.substring(0, arrow), t), endpoint(s.substring(arrow + 2), t)};
    }

    private int endpoint(String s, Token t) {
        if (s.equals("*")) {
            return 0;
        }
        try {
            int id = Integer.parseInt(s);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw fail(t, "expected a node id or '*', got '" + s + "'");
    }

    private Set<Integer> set(Token t) {
        String s = t.text();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            throw fail(t, "expected a set like {1,2}, got '" + s + "'");
        }
        Set<Integer> ids = new TreeSet<>();
        String inner = s.substring(1, s.length() - 1).trim();
        for (String part : inner.isEmpty() ? new String[0] : inner.split(",")) {
            ids.add(server(new Token(part.trim(), t.column())));
        }
        return ids;
    }

    private ScenarioException fail(Token at, String message) {
        return fail(at.column(), message);
    }

    private ScenarioException fail(int column, String message) {
        return new ScenarioException(script.file(), block.line(), column, message);
    }
}
