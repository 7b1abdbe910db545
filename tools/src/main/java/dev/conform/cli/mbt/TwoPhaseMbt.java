package dev.conform.cli.mbt;

import dev.conform.algorithms.twopc.TwoPhaseAlgorithm;
import dev.conform.algorithms.twopc.TwoPhaseMessage;
import dev.conform.checker.mbt.MbtException;
import dev.conform.checker.value.TlaValue;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two-phase commit: {@code specs/twopc/MbtTwoPhase.tla} replayed into
 * {@code dev.conform.algorithms.twopc}. Node ids are the implementation's (coordinator 1,
 * participants 2..n). The mapping is {@code TraceTwoPhase.tla}'s: an action's recorded state is
 * {@code tmState, tmPrepared, tmAcked} at the coordinator and {@code rmState} at a participant.
 * Timers: the coordinator's vote timer is TMAbort, its resend timer TMResend; a participant's
 * prepare timer is RMAbort, its ask timer RMAsk. The coordinator starts the transaction as it
 * starts (TMPrepare). Whether a participant votes yes or no is the implementation's workload
 * (option {@code voteNo}), set from the behaviour's first vote of each participant.
 */
final class TwoPhaseMbt implements MbtModel<TwoPhaseMessage> {
    private static final int COORD = 1;
    private static final Map<String, Stimulus> STIMULI = Map.ofEntries(
            Map.entry("TMPrepare", new Stimulus.Own()),
            Map.entry("TMRcvVote", new Stimulus.Deliver()),
            Map.entry("TMCommit", new Stimulus.Own()),
            Map.entry("TMAbort", new Stimulus.Fire("vote")),
            Map.entry("TMRcvAck", new Stimulus.Deliver()),
            Map.entry("TMResend", new Stimulus.Fire("resend")),
            Map.entry("TMRcvDecisionRequest", new Stimulus.Deliver()),
            Map.entry("TMCrash", new Stimulus.Crash()),
            Map.entry("TMRestart", new Stimulus.Restart()),
            Map.entry("RMVoteYes", new Stimulus.Deliver()),
            Map.entry("RMVoteNo", new Stimulus.Deliver()),
            Map.entry("RMAbort", new Stimulus.Fire("prepare")),
            Map.entry("RMRcvDecision", new Stimulus.Deliver()),
            Map.entry("RMAsk", new Stimulus.Fire("ask")),
            Map.entry("RMRcvDecisionRequest", new Stimulus.Deliver()),
            Map.entry("RMCrash", new Stimulus.Crash()),
            Map.entry("RMRestart", new Stimulus.Restart()),
            Map.entry("LoseMsg", new Stimulus.Lose()));

    @Override
    public String name() {
        return TwoPhaseAlgorithm.NAME;
    }

    @Override
    public Algorithm<TwoPhaseMessage> algorithm() {
        return new TwoPhaseAlgorithm();
    }

    @Override
    public String module() {
        return "MbtTwoPhase.tla";
    }

    @Override
    public String config() {
        return "MbtTwoPhase.cfg";
    }

    /** The coordinator and the participants, the domain of rmState (which must be 2..n). */
    @Override
    public int servers(Map<String, TlaValue> init) {
        List<TlaValue.Entry> rms = ((TlaValue.Function) init.get("rmState")).entries();
        for (int i = 0; i < rms.size(); i++) {
            if (!rms.get(i).key().equals(TlaValue.Int.of(i + 2))) {
                throw new MbtException("the model's participants must be 2.." + (rms.size() + 1)
                        + " (the implementation's ids), not " + init.get("rmState").toTla());
            }
        }
        return 1 + rms.size();
    }

    @Override
    public Options options(List<Map<String, TlaValue>> behaviour) {
        TlaValue.Record o = (TlaValue.Record) behaviour.get(0).get("mbtOptions");
        Options options = Options.empty().with("clients", 0)
                .with("cooperative", o.fields().get("cooperative").equals(new TlaValue.Bool(true)));
        String flaw = MbtStep.string(o, "flaw");
        if (!flaw.equals("none")) {
            options = options.withFlaw(flaw.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        List<String> voteNo = new ArrayList<>();
        for (int i = 1; i < behaviour.size(); i++) {
            MbtStep s = MbtStep.of(behaviour.get(i));
            if (s.action().equals("RMVoteNo") && rmState(behaviour.get(i - 1), s.node()).equals("working")) {
                voteNo.add(Integer.toString(s.node()));
            }
        }
        return voteNo.isEmpty() ? options : options.with("voteNo", String.join(",", voteNo));
    }

    @Override
    public Stimulus stimulus(MbtStep step) {
        Stimulus s = STIMULI.get(step.action());
        if (s == null) {
            throw new MbtException("no stimulus for spec action " + step.action() + " of twopc");
        }
        return s;
    }

    @Override
    public List<String> actions() {
        return STIMULI.keySet().stream().filter(a -> !a.equals("LoseMsg")).sorted().toList();
    }

    @Override
    public Map<String, Object> specView(int node, Map<String, TlaValue> before, Map<String, TlaValue> state) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (node == COORD) {
            v.put("tmState", ((TlaValue.Str) state.get("tmState")).value());
            v.put("tmPrepared", SpecValues.ids(state.get("tmPrepared")));
            v.put("tmAcked", SpecValues.ids(state.get("tmAcked")));
        } else {
            v.put("rmState", rmState(state, node));
        }
        return v;
    }

    @Override
    public Map<String, Object> recorded(int node, Object state) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (!(state instanceof Map<?, ?> m)) {
            v.put("unreadable", String.valueOf(state));
            return v;
        }
        if (node == COORD) {
            v.put("tmState", m.get("tmState"));
            v.put("tmPrepared", sorted(m.get("tmPrepared")));
            v.put("tmAcked", sorted(m.get("tmAcked")));
        } else {
            v.put("rmState", m.get("rmState"));
        }
        return v;
    }

    @Override
    public String key(TlaValue specMessage) {
        Map<String, String> f = new TreeMap<>();
        ((TlaValue.Record) specMessage).fields().forEach((k, v) ->
                f.put(k, v instanceof TlaValue.Str s ? s.value() : v.toTla()));
        return f.toString();
    }

    @Override
    public String key(int from, int to, TwoPhaseMessage m) {
        Map<String, String> f = new TreeMap<>();
        f.put("from", Integer.toString(from));
        f.put("to", Integer.toString(to));
        f.put("type", m.getClass().getSimpleName());
        if (m instanceof TwoPhaseMessage.Vote v) {
            f.put("yes", v.yes() ? "TRUE" : "FALSE");
        } else if (m instanceof TwoPhaseMessage.Decision d) {
            f.put("commit", d.commit() ? "TRUE" : "FALSE");
        } else if (m instanceof TwoPhaseMessage.ClientReply c) {
            f.put("commit", c.commit() ? "TRUE" : "FALSE");
        }
        return f.toString();
    }

    @Override
    public Set<String> specMessages(Map<String, TlaValue> state) {
        Set<String> out = new TreeSet<>();
        for (TlaValue m : ((TlaValue.Set) state.get("msgs")).elements()) {
            out.add(key(m));
        }
        return out;
    }

    @Override
    public boolean specUp(int node, Map<String, TlaValue> state) {
        TlaValue up = node == COORD ? state.get("tmUp") : SpecValues.apply(state.get("rmUp"), node);
        return up.equals(new TlaValue.Bool(true));
    }

    private static String rmState(Map<String, TlaValue> state, int node) {
        return SpecValues.string(SpecValues.apply(state.get("rmState"), node));
    }

    private static Object sorted(Object list) {
        if (!(list instanceof List<?> l)) {
            return list;
        }
        List<Integer> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Number n)) {
                return list;
            }
            out.add(n.intValue());
        }
        return out.stream().sorted().toList();
    }
}
