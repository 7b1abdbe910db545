package dev.conform.algorithms.pbft;

import dev.conform.algorithms.pbft.PbftMessage.Checkpoint;
import dev.conform.algorithms.pbft.PbftMessage.ClientRequest;
import dev.conform.algorithms.pbft.PbftMessage.Commit;
import dev.conform.algorithms.pbft.PbftMessage.NewView;
import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import dev.conform.algorithms.pbft.PbftMessage.Reply;
import dev.conform.algorithms.pbft.PbftMessage.StateReply;
import dev.conform.algorithms.pbft.PbftMessage.StateRequest;
import dev.conform.algorithms.pbft.PbftMessage.ViewChange;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PBFT replica. It verifies every statement of a delivery first (a failure is
 * {@code Unauthenticated}), then dispatches to the normal case ({@link NormalCase}: requests,
 * PrePrepare, Prepare, Commit, Execute, Checkpoint) or the view change ({@link ViewChanges}).
 * A handler that changed anything persists the whole durable state once at its end; the runtime
 * makes it durable before the handler's messages leave.
 */
public final class PbftReplica implements Node<PbftMessage> {
    static final String REQUEST_TIMER = "request";
    static final String VIEW_CHANGE_TIMER = "viewChange";

    final PbftOptions opts;
    final Quorums q;
    final NewViewRule rule;
    final Signer signer;
    final KeyRing keys;
    private final Authenticity auth;
    final KvStateMachine store = new KvStateMachine();
    final NormalCase normal;
    final ViewChanges viewChanges;
    final StateTransfer transfer;
    private final PbftTraceState trace = new PbftTraceState();

    // ---- durable state (see PbftPersistentState) ----
    long view;
    boolean changing;
    /** Low water mark: seq of the stable checkpoint. */
    long h;
    long executed;
    /** Highest seq this replica assigned as primary. */
    long assigned;
    /** View changes since this replica last executed a request: its timeouts double with each. */
    int vcRound;
    final TreeMap<Long, Slot> log = new TreeMap<>();
    final TreeMap<Long, TreeMap<Integer, Checkpoint>> checkpoints = new TreeMap<>();
    List<Checkpoint> stableProof = List.of();
    final TreeMap<Long, String> ownStates = new TreeMap<>();
    final TreeMap<Long, TreeMap<Integer, ViewChange>> viewChangeLog = new TreeMap<>();
    /** Requests known (received or pre-prepared) and not executed, by "clientId:seq". */
    final LinkedHashMap<String, ClientRequest> pending = new LinkedHashMap<>();

    // ---- volatile ----
    String stateDigest;
    boolean requestTimerArmed;
    boolean viewChangeTimerArmed;
    private boolean dirty;

    public PbftReplica(PbftOptions opts, List<Integer> servers, int self, PbftPersistentState persisted) {
        this.opts = opts;
        this.q = new Quorums(servers, opts.flaw(PbftFlaw.PREPARED_2F));
        this.rule = new NewViewRule(q);
        this.signer = Keys.signer(opts.keySeed(), self);
        this.keys = new KeyRing(opts.keySeed());
        this.auth = new Authenticity(keys, opts.flaw(PbftFlaw.UNCHECKED_NEW_VIEW));
        this.normal = new NormalCase(this);
        this.viewChanges = new ViewChanges(this);
        this.transfer = new StateTransfer(this);
        if (persisted != null) {
            restore(persisted);
        }
        this.stateDigest = Digests.state(store.snapshot());
    }

    @Override
    public void onStart(Context<PbftMessage> ctx) {
        requestTimerArmed = false;
        viewChangeTimerArmed = false;
        if (changing) {
            viewChanges.armViewChangeTimer(ctx);
        } else {
            normal.updateRequestTimer(ctx);
        }
    }

    @Override
    public void onMessage(Context<PbftMessage> ctx, int from, PbftMessage msg) {
        if (msg instanceof Reply) {
            return; // a Reply sent to a replica is not for it: no handler, as Raft's servers and ClientReply
        }
        if (!auth.check(msg)) {
            record(ctx, "Unauthenticated");
            return;
        }
        if (msg instanceof ClientRequest m) {
            normal.receiveRequest(ctx, m);
        } else if (msg instanceof PrePrepare m) {
            normal.handlePrePrepare(ctx, m);
        } else if (msg instanceof Prepare m) {
            normal.handlePrepare(ctx, m);
        } else if (msg instanceof Commit m) {
            normal.handleCommit(ctx, m);
        } else if (msg instanceof Checkpoint m) {
            normal.handleCheckpoint(ctx, m);
        } else if (msg instanceof ViewChange m) {
            viewChanges.handleViewChange(ctx, m);
        } else if (msg instanceof NewView m) {
            viewChanges.handleNewView(ctx, m);
        } else if (msg instanceof StateRequest m) {
            transfer.handleRequest(ctx, m);
        } else if (msg instanceof StateReply m) {
            transfer.handleReply(ctx, m);
        }
        transfer.update(ctx);
        persistIfChanged(ctx);
    }

    @Override
    public void onTimer(Context<PbftMessage> ctx, String timer) {
        if (REQUEST_TIMER.equals(timer)) {
            requestTimerArmed = false;
            if (!changing && !pending.isEmpty()) {
                viewChanges.start(ctx, view + 1);
            }
        } else if (VIEW_CHANGE_TIMER.equals(timer) && changing) {
            viewChangeTimerArmed = false;
            if (viewChanges.quorumAsked()) {
                viewChanges.start(ctx, view + 1);
            } else {
                viewChanges.resend(ctx);
            }
        } else if (StateTransfer.STATE_TIMER.equals(timer)) {
            transfer.onTimer(ctx);
        }
        transfer.update(ctx);
        persistIfChanged(ctx);
    }

    // ---- helpers shared by the steps ----

    int self() {
        return signer.id();
    }

    boolean primary() {
        return q.primary(view) == self();
    }

    /** True for seq inside the watermarks (h, h + L]. */
    boolean inWindow(long seq) {
        return seq > h && seq <= h + opts.window();
    }

    Slot slot(long seq) {
        return log.computeIfAbsent(seq, s -> new Slot());
    }

    <T extends PbftMessage> T sign(T statement) {
        return signer.sign(statement);
    }

    /** Sends {@code m} to every other replica. */
    void sendReplicas(Context<PbftMessage> ctx, PbftMessage m) {
        for (int s : q.servers) {
            if (s != self()) {
                ctx.send(s, m);
            }
        }
    }

    void changed() {
        dirty = true;
    }

    /** Consumes a delivery that changes nothing. */
    void ignore(Context<PbftMessage> ctx) {
        record(ctx, "Ignore");
    }

    /** Records the spec action with the state after it (see {@link PbftTraceState}). */
    void record(Context<PbftMessage> ctx, String action) {
        if (ctx.tracing()) {
            ctx.action(action, trace.of(this));
        }
    }

    private void persistIfChanged(Context<PbftMessage> ctx) {
        if (dirty) {
            ctx.persist(persistentState());
            dirty = false;
        }
    }

    public PbftPersistentState persistentState() {
        List<PbftMessage> statements = new ArrayList<>();
        log.values().forEach(s -> statements.addAll(s.statements()));
        checkpoints.values().forEach(m -> statements.addAll(m.values()));
        viewChangeLog.values().forEach(m -> statements.addAll(m.values()));
        return new PbftPersistentState(view, changing, h, executed, assigned, vcRound, statements, stableProof,
                ownStates, new ArrayList<>(pending.values()), store.snapshot(), transfer.durable());
    }

    private void restore(PbftPersistentState p) {
        view = p.view();
        changing = p.changing();
        h = p.h();
        executed = p.executed();
        assigned = p.assigned();
        vcRound = p.viewChanges();
        for (PbftMessage m : p.statements()) {
            if (m instanceof PrePrepare pp) {
                slot(pp.seq()).add(pp);
            } else if (m instanceof Prepare pr) {
                slot(pr.seq()).add(pr);
            } else if (m instanceof Commit c) {
                slot(c.seq()).add(c);
            } else if (m instanceof Checkpoint c) {
                checkpoints.computeIfAbsent(c.seq(), s -> new TreeMap<>()).put(c.replica(), c);
            } else if (m instanceof ViewChange vc) {
                viewChangeLog.computeIfAbsent(vc.view(), v -> new TreeMap<>()).put(vc.replica(), vc);
            }
        }
        stableProof = p.stableProof();
        ownStates.putAll(p.ownStates());
        for (ClientRequest r : p.pending()) {
            pending.put(key(r), r);
        }
        store.restore(p.store());
        p.snapshots().forEach(transfer::keep);
        if (ownStates.containsKey(executed)) {
            transfer.keep(executed, store.snapshot());
        }
    }

    static String key(ClientRequest r) {
        return r.clientId() + ":" + r.seq();
    }

    // ---- views for tests, invariants and the adversary ----

    /** This replica's signer: what an adversary controlling it may be handed. */
    public Signer signer() {
        return signer;
    }

    public long view() {
        return view;
    }

    public boolean changing() {
        return changing;
    }

    public long stableCheckpoint() {
        return h;
    }

    public long executed() {
        return executed;
    }

    public KvStateMachine store() {
        return store;
    }

    /** The accepted PrePrepare of the highest view per seq in the window (for tests). */
    public Map<Long, PrePrepare> acceptedPrePrepares() {
        Map<Long, PrePrepare> out = new TreeMap<>();
        log.forEach((s, slot) -> {
            if (slot.latest() != null) {
                out.put(s, slot.latest());
            }
        });
        return out;
    }

    Reply reply(ClientRequest r, String result) {
        return sign(new Reply(view, r.clientId(), r.seq(), result, self(), null));
    }
}
