package dev.conform.algorithms.pbft.byzantine;

import dev.conform.algorithms.pbft.Digests;
import dev.conform.algorithms.pbft.Keys;
import dev.conform.algorithms.pbft.PbftMessage;
import dev.conform.algorithms.pbft.PbftMessage.Checkpoint;
import dev.conform.algorithms.pbft.PbftMessage.ClientRequest;
import dev.conform.algorithms.pbft.PbftMessage.Commit;
import dev.conform.algorithms.pbft.PbftMessage.NewView;
import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import dev.conform.algorithms.pbft.PbftMessage.Reply;
import dev.conform.algorithms.pbft.PbftMessage.StateReply;
import dev.conform.algorithms.pbft.PbftMessage.ViewChange;
import dev.conform.algorithms.pbft.PbftOptions;
import dev.conform.algorithms.pbft.PreparedCertificate;
import dev.conform.algorithms.pbft.Signer;
import dev.conform.runtime.Adversary;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.ByzantineFaults;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What a Byzantine PBFT replica sends. It holds exactly what that replica holds: its own
 * {@link Signer} (from the run's key seed and its id; it never derives another node's key) and
 * the statements it received or sent. Each behaviour the plan names acts on its own:
 * <ul>
 * <li>{@code equivocate}: as primary, sends some backups a PrePrepare for the same (view, seq)
 *     with another request (an authentic one it saw, else the null request);</li>
 * <li>{@code wrong-digest}: PrePrepares, Prepares and Commits with a digest that is not their
 *     request's (a teaching flaw that skips the digest check takes them);</li>
 * <li>{@code replay}: resends old statements, its own or received ones, to some replica;</li>
 * <li>{@code withhold}: drops everything it sends to a fixed set of victims;</li>
 * <li>{@code lying-view-change}: ViewChanges that omit their prepared certificates or carry a
 *     made-up one (signed by itself only), and, as new primary, NewViews that re-propose every
 *     seq up to the highest it saw with another request or the null request instead of those
 *     the ViewChanges prove, followed by its own Commits for them;</li>
 * <li>{@code silence}: sends nothing at all;</li>
 * <li>{@code wrong-reply}: Replies with a result the store never produced, and StateReplies whose
 *     snapshot is not the state their checkpoint proof certifies;</li>
 * <li>{@code forge}: Prepares and Commits claiming another replica, with a signature that is not
 *     that replica's (honest receivers record {@code Unauthenticated}).</li>
 * </ul>
 * A behaviour applies to each message it can change with probability one half, from the
 * adversary's own seeded source, so runs mix lies with honest traffic and still replay exactly.
 */
public final class PbftAdversary implements Adversary<PbftMessage> {
    public static final String EQUIVOCATE = "equivocate";
    public static final String WRONG_DIGEST = "wrong-digest";
    public static final String REPLAY = "replay";
    public static final String WITHHOLD = "withhold";
    public static final String LYING_VIEW_CHANGE = "lying-view-change";
    public static final String SILENCE = "silence";
    public static final String WRONG_REPLY = "wrong-reply";
    public static final String FORGE = "forge";
    /** Every behaviour, as fault plans name them. */
    public static final Set<String> BEHAVIOURS = Set.of(EQUIVOCATE, WRONG_DIGEST, REPLAY, WITHHOLD, LYING_VIEW_CHANGE,
            SILENCE, WRONG_REPLY, FORGE);

    /**
     * The behaviour that exploits each teaching flaw (its chaos runs draw only these): a wrong
     * digest for a backup that does not check it, a lying NewView for one that does not check
     * it, an equivocating primary for a certificate one Prepare short, a wrong Reply for a
     * client that accepts f of them.
     */
    public static final Map<String, String> EXPLOITS = Map.of(
            "no-digest-check", WRONG_DIGEST,
            "unchecked-new-view", LYING_VIEW_CHANGE,
            "prepared-2f", EQUIVOCATE,
            "reply-f", WRONG_REPLY);

    /**
     * What chaos plans of a run with {@code options} draw: up to {@code f} Byzantine replicas with
     * any behaviour, or, in a run with teaching flaws, only the behaviours that exploit them.
     */
    public static ByzantineFaults chaos(int f, Options options) {
        List<String> exploits = options.flaws().stream().map(EXPLOITS::get).filter(java.util.Objects::nonNull)
                .distinct().sorted().toList();
        return new ByzantineFaults(f, exploits.isEmpty() ? BEHAVIOURS.stream().sorted().toList() : exploits);
    }

    /** How many statements it remembers for replay (the most recent). */
    private static final int MEMORY = 128;

    private final int self;
    private final List<Integer> servers;
    private final Set<String> on;
    private final Signer signer;
    private final SplittableRandom random;
    private final List<PbftMessage> memory = new ArrayList<>();
    private final List<ClientRequest> requests = new ArrayList<>();
    /** Per equivocated (view, seq): the backups that get the other PrePrepare, and that PrePrepare. */
    private final Map<String, Set<Integer>> split = new HashMap<>();
    private final Map<String, PrePrepare> other = new HashMap<>();
    private final Set<Integer> victims = new HashSet<>();
    /** Per view: the NewView it sends every backup, the honest one or one lie (drawn once). */
    private final Map<Long, NewView> newViews = new HashMap<>();
    /** Per "view:seq": the digest its lying NewView re-proposed; and those it already sent Commits for. */
    private final Map<String, String> lied = new HashMap<>();
    private final Set<String> committedLies = new HashSet<>();
    /** The highest seq of a PrePrepare, Prepare or Commit it saw or sent. */
    private long highestSeq;
    private final int window;

    public PbftAdversary(Setup setup) {
        this.self = setup.id();
        this.servers = setup.servers();
        this.on = Set.copyOf(setup.behaviours());
        this.random = setup.random();
        PbftOptions options = PbftOptions.resolved(setup.options());
        this.signer = Keys.signer(options.keySeed(), self);
        this.window = options.window();
        if (on.contains(WITHHOLD)) {
            List<Integer> others = new ArrayList<>(servers);
            others.remove(Integer.valueOf(self));
            for (int s : others) {
                if (random.nextBoolean()) {
                    victims.add(s);
                }
            }
            if (victims.isEmpty() && !others.isEmpty()) {
                victims.add(others.get(random.nextInt(others.size())));
            }
        }
    }

    @Override
    public List<Envelope<PbftMessage>> sends(Envelope<PbftMessage> received, List<Envelope<PbftMessage>> honest) {
        if (received != null) {
            remember(received.msg());
        }
        List<Envelope<PbftMessage>> out = new ArrayList<>();
        if (on.contains(SILENCE)) {
            return out;
        }
        for (Envelope<PbftMessage> e : honest) {
            remember(e.msg());
            out.add(new Envelope<>(e.peer(), lie(e.peer(), e.msg())));
        }
        if (on.contains(LYING_VIEW_CHANGE)) {
            commitLies(received, out);
        }
        if (on.contains(REPLAY) && !memory.isEmpty() && random.nextBoolean()) {
            PbftMessage old = memory.get(random.nextInt(memory.size()));
            out.add(new Envelope<>(old instanceof Reply r ? r.clientId() : otherReplica(), old));
        }
        if (on.contains(FORGE) && random.nextBoolean()) {
            PbftMessage forged = forgery();
            if (forged != null) {
                out.add(new Envelope<>(otherReplica(), forged));
            }
        }
        if (!victims.isEmpty()) {
            out.removeIf(e -> victims.contains(e.peer()));
        }
        return out;
    }

    /** The message sent to {@code peer} instead of the honest {@code m} (often {@code m} itself). */
    private PbftMessage lie(int peer, PbftMessage m) {
        if (m instanceof PrePrepare pp) {
            if (on.contains(EQUIVOCATE) && pp.request() != null) {
                PrePrepare alt = equivocation(pp);
                if (alt != null && split.get(key(pp)).contains(peer)) {
                    pp = alt;
                }
            }
            if (on.contains(WRONG_DIGEST) && random.nextBoolean()) {
                pp = signer.sign(new PrePrepare(pp.view(), pp.seq(), fakeDigest(pp.digest()), pp.request(), self, null));
            }
            return pp;
        }
        if (m instanceof Prepare p && on.contains(WRONG_DIGEST) && random.nextBoolean()) {
            return signer.sign(new Prepare(p.view(), p.seq(), fakeDigest(p.digest()), self, null));
        }
        if (m instanceof Commit c && on.contains(WRONG_DIGEST) && random.nextBoolean()) {
            return signer.sign(new Commit(c.view(), c.seq(), fakeDigest(c.digest()), self, null));
        }
        if (m instanceof ViewChange vc && on.contains(LYING_VIEW_CHANGE) && random.nextBoolean()) {
            return lyingViewChange(vc);
        }
        if (m instanceof NewView nv && on.contains(LYING_VIEW_CHANGE)) {
            return newViews.computeIfAbsent(nv.view(), v -> random.nextBoolean() ? lyingNewView(nv) : nv);
        }
        if (m instanceof Reply r && on.contains(WRONG_REPLY) && random.nextBoolean()) {
            String wrong = "lie-" + random.nextInt(1_000_000);
            return signer.sign(new Reply(r.view(), r.clientId(), r.seq(), wrong, self, null));
        }
        if (m instanceof StateReply r && on.contains(WRONG_REPLY) && random.nextBoolean()) {
            // the honest reply's certificate with a snapshot that is not the certified state
            String wrong = "{\"data\":{\"lie\":\"" + random.nextInt(1_000_000) + "\"},\"sessions\":{}}";
            return signer.sign(new StateReply(r.seq(), r.state(), r.proof(), wrong, self, null));
        }
        return m;
    }

    /**
     * The other PrePrepare for (view, seq) of {@code pp}, the same for every backup, and which
     * backups get it (drawn once per (view, seq)); null when it has nothing else to assign.
     */
    private PrePrepare equivocation(PrePrepare pp) {
        String k = key(pp);
        if (!split.containsKey(k)) {
            ClientRequest r = null;
            for (int i = requests.size() - 1; i >= 0 && r == null; i--) {
                if (!requests.get(i).digest().equals(pp.digest())) {
                    r = requests.get(i);
                }
            }
            PrePrepare alt = r == null
                    ? new PrePrepare(pp.view(), pp.seq(), Digests.NULL, null, self, null)
                    : new PrePrepare(pp.view(), pp.seq(), r.digest(), r, self, null);
            Set<Integer> some = new HashSet<>();
            for (int s : servers) {
                if (s != self && random.nextBoolean()) {
                    some.add(s);
                }
            }
            split.put(k, some);
            other.put(k, signer.sign(alt));
        }
        return other.get(k);
    }

    /** A ViewChange that omits its prepared certificates, or carries one only it signed. */
    private ViewChange lyingViewChange(ViewChange vc) {
        List<PreparedCertificate> prepared = new ArrayList<>();
        if (random.nextBoolean()) {
            long seq = vc.stable() + 1;
            ClientRequest r = requests.isEmpty() ? null : requests.get(random.nextInt(requests.size()));
            PrePrepare pp = signer.sign(new PrePrepare(Math.max(0, vc.view() - 1), seq,
                    r == null ? Digests.NULL : r.digest(), r, self, null));
            prepared.add(new PreparedCertificate(pp,
                    List.of(signer.sign(new Prepare(pp.view(), seq, pp.digest(), self, null)))));
        }
        return signer.sign(new ViewChange(vc.view(), vc.stable(), vc.proof(), prepared, self, null));
    }

    /**
     * A NewView with the honest one's ViewChanges whose PrePrepares are not those they determine:
     * every seq from min-s + 1 up to the highest seq it has seen (in the log window), which
     * covers the seqs honest replicas may have committed, gets another request it saw, or the null
     * request, instead of the one the ViewChanges prove. Unchecked, it makes backups prepare and
     * (with its Commit, {@link #commitLies}) commit a second request at a seq already committed.
     */
    private NewView lyingNewView(NewView nv) {
        long minS = 0;
        for (ViewChange vc : nv.viewChanges()) {
            minS = Math.max(minS, vc.stable());
        }
        Map<Long, String> honest = new HashMap<>();
        long hi = minS + 1;
        for (PrePrepare pp : nv.prePrepares()) {
            honest.put(pp.seq(), pp.digest());
            hi = Math.max(hi, pp.seq());
        }
        hi = Math.max(hi, Math.min(highestSeq, minS + window));
        List<PrePrepare> lies = new ArrayList<>();
        for (long seq = minS + 1; seq <= hi; seq++) {
            String d = honest.get(seq);
            List<ClientRequest> others = requests.stream().filter(r -> !r.digest().equals(d)).toList();
            ClientRequest r = others.isEmpty() || (d != null && !d.equals(Digests.NULL) && random.nextBoolean())
                    ? null : others.get(random.nextInt(others.size()));
            PrePrepare pp = signer.sign(new PrePrepare(nv.view(), seq, r == null ? Digests.NULL : r.digest(), r, self,
                    null));
            lied.put(key(pp), pp.digest());
            lies.add(pp);
        }
        return signer.sign(new NewView(nv.view(), nv.viewChanges(), lies, self, null));
    }

    /**
     * Its Commits for what a lying NewView re-proposed, to every other replica, once backups
     * Prepare it: with them, two honest backups reach 2f+1 Commits for the lie while the third
     * honest replica is down.
     */
    private void commitLies(Envelope<PbftMessage> received, List<Envelope<PbftMessage>> out) {
        if (received == null || !(received.msg() instanceof Prepare p)) {
            return;
        }
        String k = p.view() + ":" + p.seq();
        if (p.digest().equals(lied.get(k)) && committedLies.add(k)) {
            Commit c = signer.sign(new Commit(p.view(), p.seq(), p.digest(), self, null));
            for (int s : servers) {
                if (s != self) {
                    out.add(new Envelope<>(s, c));
                }
            }
        }
    }

    /** A Prepare or Commit claiming another replica, with a signature that is not its own. */
    private PbftMessage forgery() {
        List<Integer> others = new ArrayList<>(servers);
        others.remove(Integer.valueOf(self));
        if (others.isEmpty()) {
            return null;
        }
        int claimed = others.get(random.nextInt(others.size()));
        long view = 0;
        long seq = 1;
        String digest = Digests.NULL;
        for (int i = memory.size() - 1; i >= 0; i--) {
            if (memory.get(i) instanceof PrePrepare pp) {
                view = pp.view();
                seq = pp.seq();
                digest = pp.digest();
                break;
            }
        }
        byte[] sig = new byte[64];
        random.nextBytes(sig);
        String bad = Base64.getEncoder().encodeToString(sig);
        return random.nextBoolean() ? new Prepare(view, seq, digest, claimed, bad) : new Commit(view, seq, digest, claimed, bad);
    }

    private void remember(PbftMessage m) {
        if (memory.size() == MEMORY) {
            memory.remove(0);
        }
        memory.add(m);
        long seq = m instanceof PrePrepare pp ? pp.seq() : m instanceof Prepare p ? p.seq()
                : m instanceof Commit c ? c.seq() : 0;
        highestSeq = Math.max(highestSeq, seq);
        ClientRequest r = m instanceof ClientRequest c ? c : m instanceof PrePrepare pp ? pp.request() : null;
        if (r != null && !requests.contains(r)) {
            if (requests.size() == MEMORY) {
                requests.remove(0);
            }
            requests.add(r);
        }
    }

    private int otherReplica() {
        int s;
        do {
            s = servers.get(random.nextInt(servers.size()));
        } while (s == self && servers.size() > 1);
        return s;
    }

    private String fakeDigest(String honest) {
        String d;
        do {
            d = String.format("%016x", random.nextLong());
        } while (d.equals(honest));
        return d;
    }

    private static String key(PrePrepare pp) {
        return pp.view() + ":" + pp.seq();
    }
}
