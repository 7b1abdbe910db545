package dev.conform.bench;

import dev.conform.algorithms.swim.SwimAlgorithm;
import dev.conform.algorithms.swim.SwimMessage;
import dev.conform.algorithms.swim.SwimNode;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.ClusterView;
import dev.conform.runtime.Context;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real {@code swim} algorithm, watched from outside for {@link SwimScaleBench}. Every member
 * runs behind a wrapper that notes which member just handled an event; the stop condition (checked
 * by the simulator after every step, at that step's time) reads only that member's entries for
 * the crashed members ({@code victims}), so watching costs O(victims) per step: when some member
 * first suspects each victim, first holds it dead, and when every live member holds it dead. It
 * ends the run when all of that is known. With {@code countConfirms} the wrapper also hands the
 * member a context that says tracing is on and counts the {@code Confirm} actions (declarations
 * of death) without recording anything else; the simulator itself traces nothing. The members see
 * the same messages and timers as without the watch, so the run is the same run.
 */
final class SwimWatch implements Algorithm<SwimMessage> {
    private final SwimAlgorithm inner = new SwimAlgorithm();
    private final int[] victims;
    private final boolean countConfirms;
    /** Per victim: first time some member suspected it, held it dead, and every live member held it dead; -1: not yet. */
    final long[] firstSuspect;
    final long[] firstDead;
    final long[] allDead;
    /** Confirm actions taken so far (counted only with {@code countConfirms}). */
    long confirms;
    /** Members that were ever declared dead by a Confirm (counted only with {@code countConfirms}). */
    final BitSet declared = new BitSet();
    /**
     * Distinct (member, incarnation) pairs declared dead: one false positive each, however many
     * members confirm it (with suspicion every member that holds the suspicion confirms it when its
     * own timer runs out, so Confirm actions count one event up to n times).
     */
    final Set<Long> deaths = new HashSet<>();
    /** Members that handled an event since the last check, and who holds which victim dead. */
    private final List<Watched> touched = new ArrayList<>();
    private final BitSet[] holdsDead;
    private final int[] holders;
    private int live = -1;

    SwimWatch(int[] victims, boolean countConfirms) {
        this.victims = victims.clone();
        this.countConfirms = countConfirms;
        firstSuspect = filled(victims.length);
        firstDead = filled(victims.length);
        allDead = filled(victims.length);
        holdsDead = new BitSet[victims.length];
        for (int v = 0; v < victims.length; v++) {
            holdsDead[v] = new BitSet();
        }
        holders = new int[victims.length];
    }

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** True once every victim is held dead by every live member. */
    boolean settled() {
        for (long t : allDead) {
            if (t < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public StopCondition<SwimMessage> stopCondition(Options options) {
        return cluster -> victims.length > 0 && observe(cluster);
    }

    /** Reads the victims' entries at the members that just handled an event; returns whether the run may stop. */
    private boolean observe(ClusterView<SwimMessage> cluster) {
        if (live < 0) {
            live = cluster.servers().size() - victims.length;
        }
        long now = cluster.now();
        for (Watched w : touched) {
            SwimNode n = w.node;
            int id = w.id;
            if (isVictim(id)) {
                continue;
            }
            for (int v = 0; v < victims.length; v++) {
                String st = n.statusOf(victims[v]);
                boolean dead = st.equals("dead");
                if ((dead || st.equals("suspect")) && firstSuspect[v] < 0) {
                    firstSuspect[v] = now;
                }
                if (dead && firstDead[v] < 0) {
                    firstDead[v] = now;
                }
                if (dead != holdsDead[v].get(id)) {
                    holdsDead[v].set(id, dead);
                    holders[v] += dead ? 1 : -1;
                    allDead[v] = holders[v] == live ? now : -1;
                }
            }
        }
        touched.clear();
        return settled();
    }

    private boolean isVictim(int id) {
        for (int v : victims) {
            if (v == id) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Node<SwimMessage> create(int id, List<Integer> servers, Object persisted, Options options) {
        return new Watched((SwimNode) inner.create(id, servers, persisted, options), id);
    }

    /** A member whose every event is noted (and, with countConfirms, whose Confirm actions are counted). */
    private final class Watched implements Node<SwimMessage> {
        final SwimNode node;
        final int id;

        Watched(SwimNode node, int id) {
            this.node = node;
            this.id = id;
        }

        private Context<SwimMessage> wrap(Context<SwimMessage> ctx) {
            if (victims.length > 0) {
                touched.add(this);
            }
            return countConfirms ? new Counter(ctx) : ctx;
        }

        @Override
        public void onStart(Context<SwimMessage> ctx) {
            node.onStart(wrap(ctx));
        }

        @Override
        public void onMessage(Context<SwimMessage> ctx, int from, SwimMessage msg) {
            node.onMessage(wrap(ctx), from, msg);
        }

        @Override
        public void onTimer(Context<SwimMessage> ctx, String timer) {
            node.onTimer(wrap(ctx), timer);
        }
    }

    /** Passes everything to the simulator's context but the actions, of which it counts Confirm. */
    private final class Counter implements Context<SwimMessage> {
        private final Context<SwimMessage> ctx;

        Counter(Context<SwimMessage> ctx) {
            this.ctx = ctx;
        }

        @Override
        public void action(String name, Object state) {
            if (name.equals("Confirm") && state instanceof Map<?, ?> s && s.get("view") instanceof Map<?, ?> view) {
                confirms++;
                for (Map.Entry<?, ?> e : view.entrySet()) {
                    int q = Integer.parseInt((String) e.getKey());
                    int inc = ((Number) ((Map<?, ?>) e.getValue()).get("inc")).intValue();
                    declared.set(q);
                    deaths.add((long) q << 32 | inc);
                }
            }
        }

        @Override
        public boolean tracing() {
            return true;
        }

        @Override
        public int self() {
            return ctx.self();
        }

        @Override
        public List<Integer> nodes() {
            return ctx.nodes();
        }

        @Override
        public void send(int to, SwimMessage msg) {
            ctx.send(to, msg);
        }

        @Override
        public void setTimer(String name, long minTicks, long maxTicks) {
            ctx.setTimer(name, minTicks, maxTicks);
        }

        @Override
        public void cancelTimer(String name) {
            ctx.cancelTimer(name);
        }

        @Override
        public void persist(Object state) {
            ctx.persist(state);
        }

        @Override
        public long localTime() {
            return ctx.localTime();
        }
    }

    // ---- everything else as the real algorithm ------------------------------------------

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public Class<SwimMessage> messageType() {
        return inner.messageType();
    }

    @Override
    public Map<String, Class<? extends SwimMessage>> messageTypes() {
        return inner.messageTypes();
    }

    @Override
    public Class<?> persistedType() {
        return inner.persistedType();
    }

    @Override
    public Set<String> optionKeys() {
        return inner.optionKeys();
    }

    @Override
    public int defaultServers() {
        return inner.defaultServers();
    }

    @Override
    public Map<String, String> flaws() {
        return inner.flaws();
    }

    @Override
    public NetSemantics defaultNet() {
        return inner.defaultNet();
    }

    @Override
    public Options resolveOptions(Options options, long seed) {
        return inner.resolveOptions(options, seed);
    }
}
