package dev.conform.runtime.scenario;

import dev.conform.runtime.Options;
import dev.conform.runtime.sim.SteppedSimulator;
import dev.conform.runtime.sim.SteppedSimulator.InFlight;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a {@link ScenarioScript} against a {@link SteppedSimulator} and records what each command
 * printed. The generic commands (see the package documentation) are handled here; printing
 * states and messages, client commands and assertions go through the algorithm's
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

    private final ScenarioInspector<M> inspector;
    private SteppedSimulator<M> sim;
    private long clientSeq;
    private ScenarioScript script;
    private ScenarioScript.Block block;
    private List<String> out;
    private int actionNode;
    private StringBuilder actionLine;

    public ScenarioRunner(ScenarioInspector<M> inspector) {
        this.inspector = inspector;
    }

    /** Runs every block of {@code s} from a fresh state; throws {@link ScenarioException}. */
    public Transcript run(ScenarioScript s) {
        this.script = s;
        this.sim = null;
        this.clientSeq = 0;
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
        if (!cmd.equals("nodes") && sim == null) {
            throw fail(w.get(0), "the first command must be 'nodes N'");
        }
        switch (cmd) {
            case "nodes" -> nodes(w);
            case "tick" -> tick(w);
            case "campaign" -> campaign(w);
            case "fire" -> fire(w);
            case "deliver" -> deliver(w, false);
            case "deliver-all" -> deliverAll(w);
            case "drop" -> deliver(w, true);
            case "pending" -> pending(w);
            case "partition" -> partition(w);
            case "heal" -> {
                arity(w, 0, 0);
                sim.heal();
                out.add("healed");
            }
            case "crash" -> crash(w);
            case "restart" -> restart(w);
            case "state" -> {
                arity(w, 0, 0);
                for (int id : sim.servers()) {
                    out.add(inspector.state(id, sim));
                }
            }
            case "assert" -> check(w);
            default -> {
                if (inspector.clientVerbs().contains(cmd)) {
                    client(w);
                } else {
                    throw fail(w.get(0), "unknown command '" + cmd + "'");
                }
            }
        }
    }

    // ---- commands ----------------------------------------------------------------------

    private void nodes(List<Token> w) {
        if (sim != null) {
            throw fail(w.get(0), "'nodes' may appear only once, first");
        }
        if (w.size() < 2) {
            throw fail(w.get(0), "usage: nodes N [key=value ...] [flaw=NAME ...]");
        }
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
                if (reason.equals("dropped")) {
                    return; // asked for by a drop command, which printed it
                }
                flushActions();
                out.add("  lost " + describe(m) + " (" + reason + ")");
            }
        });
        for (int id : sim.servers()) {
            out.add(inspector.state(id, sim));
        }
    }

    private void tick(List<Token> w) {
        arity(w, 1, 1);
        long ticks = integer(w.get(1));
        sim.tick(ticks);
        flushActions();
        out.add("now t=" + sim.now());
    }

    private void campaign(List<Token> w) {
        arity(w, 1, 1);
        String timer = inspector.electionTimer();
        if (timer == null) {
            throw fail(w.get(0), inspector.algorithm().name() + " has no election timer");
        }
        fireTimer(w.get(1), timer);
    }

    private void fire(List<Token> w) {
        arity(w, 2, 2);
        fireTimer(w.get(1), w.get(2).text());
    }

    private void fireTimer(Token nodeToken, String timer) {
        int id = server(nodeToken);
        if (!sim.fire(id, timer)) {
            throw fail(nodeToken, "node " + id + (sim.up(id) ? " has no armed timer '" + timer + "'"
                    : " is down"));
        }
    }

    /** {@code deliver|drop [FROM->TO] [COUNT]}; '*' matches any node. */
    private void deliver(List<Token> w, boolean drop) {
        arity(w, 0, 2);
        int[] link = w.size() >= 2 ? link(w.get(1)) : new int[] {0, 0};
        long limit = w.size() == 3 ? integer(w.get(2)) : Long.MAX_VALUE;
        int done = 0;
        for (InFlight<M> m : sim.inFlight()) {
            if (done >= limit) {
                break;
            }
            if ((link[0] != 0 && m.from() != link[0]) || (link[1] != 0 && m.to() != link[1])) {
                continue;
            }
            step(m, drop);
            done++;
        }
        if (done == 0) {
            out.add("no messages in flight" + (w.size() >= 2 ? " on " + w.get(1).text() : ""));
        }
    }

    private void deliverAll(List<Token> w) {
        arity(w, 0, 0);
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

    private void pending(List<Token> w) {
        arity(w, 0, 0);
        for (InFlight<M> m : sim.inFlight()) {
            out.add(describe(m));
        }
        if (sim.inFlight().isEmpty()) {
            out.add("no messages in flight");
        }
    }

    private void partition(List<Token> w) {
        if (w.size() < 2) {
            throw fail(w.get(0), "usage: partition {1} {2,3}");
        }
        List<Set<Integer>> groups = new ArrayList<>();
        for (Token t : w.subList(1, w.size())) {
            groups.add(set(t));
        }
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
        arity(w, 1, 1);
        int id = server(w.get(1));
        out.add("crashed " + id);
        if (!sim.crash(id)) {
            throw fail(w.get(1), "node " + id + " is already down");
        }
    }

    private void restart(List<Token> w) {
        arity(w, 1, 1);
        int id = server(w.get(1));
        if (sim.up(id)) {
            throw fail(w.get(1), "node " + id + " is up");
        }
        sim.restart(id);
        flushActions();
        out.add("restarted " + inspector.state(id, sim));
    }

    private void check(List<Token> w) {
        if (w.size() < 2) {
            throw fail(w.get(0), "usage: assert WHAT ...");
        }
        List<String> words = new ArrayList<>();
        for (Token t : w.subList(1, w.size())) {
            words.add(t.text());
        }
        String problem;
        try {
            problem = inspector.check(words, sim);
        } catch (IllegalArgumentException e) {
            throw fail(w.get(1), e.getMessage());
        }
        if (problem != null) {
            throw new ScenarioAssertionException(script.file(), block.line(), w.get(0).column(),
                    "assertion failed: " + block.command() + ": " + problem);
        }
        out.add("ok");
    }

    /** {@code put k v [@N]}: the request goes to N, or to the inspector's target (the leader). */
    private void client(List<Token> w) {
        List<String> words = new ArrayList<>();
        int target = 0;
        for (Token t : w) {
            if (t.text().startsWith("@")) {
                target = server(new Token(t.text().substring(1), t.column() + 1));
            } else {
                words.add(t.text());
            }
        }
        if (target == 0) {
            target = inspector.clientTarget(sim);
            if (target == 0) {
                throw fail(w.get(0), "no server to send '" + w.get(0).text()
                        + "' to; name one with @N");
            }
        }
        M request = inspector.clientRequest(CLIENT, ++clientSeq, words);
        step(sim.inject(CLIENT, target, request), false);
    }

    // ---- helpers -----------------------------------------------------------------------

    private String describe(InFlight<M> m) {
        return m.from() + "->" + m.to() + " " + inspector.message(m.msg());
    }

    private void flushActions() {
        if (actionLine != null) {
            out.add(actionLine.toString());
            actionLine = null;
        }
    }

    private void arity(List<Token> w, int min, int max) {
        int args = w.size() - 1;
        if (args < min || args > max) {
            Token at = args > max ? w.get(max + 1) : w.get(0);
            throw fail(at, "'" + w.get(0).text() + "' takes " + (min == max ? "" + min : min + " to " + max)
                    + " argument" + (max == 1 ? "" : "s") + ", got " + args);
        }
    }

    private long integer(Token t) {
        try {
            long v = Long.parseLong(t.text());
            if (v < 0) {
                throw fail(t, "expected a non-negative integer, got '" + t.text() + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw fail(t, "expected an integer, got '" + t.text() + "'");
        }
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
        if (!inner.isEmpty()) {
            for (String part : inner.split(",")) {
                ids.add(server(new Token(part.trim(), t.column())));
            }
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
