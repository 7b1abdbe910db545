------------------------------- MODULE TraceNet -------------------------------
(***************************************************************************)
(* The network and the nodes of a trace, as the runtime recorded them,    *)
(* by message identity.  A trace spec EXTENDS this module beside its      *)
(* algorithm's spec and conjoins these operators to its IsX actions, so   *)
(* that a trace passes only if every message it names moved the way a    *)
(* network under the trace's own header could have moved it:             *)
(*                                                                         *)
(*  - a send puts message id into flight, once (a new id);                 *)
(*  - a deliver names an id in flight, with the same from, to, type and    *)
(*    body as its send, to a node that is up and has no delivery waiting;  *)
(*    it takes one copy out of flight and makes the message the node's     *)
(*    pending delivery, which exactly one handler action then consumes     *)
(*    (NetConsume); a node with a pending delivery takes no other step     *)
(*    that starts a handler (deliver, timer);                              *)
(*  - a duplicate adds one copy, only where the network could duplicate    *)
(*    (also once every earlier copy arrived: a real receiver records the   *)
(*    duplicate when the second copy comes);                               *)
(*  - a drop takes one copy out, only where the network could lose it:     *)
(*    a lossy link (unreliable network), a partition between its ends, a   *)
(*    self-addressed message, or a destination that crashed since the send *)
(*    (messages in flight to a crashed node are lost, also on a reliable   *)
(*    network);                                                            *)
(*  - on a reliable network each link delivers in send order (FIFO);       *)
(*  - a crashed node takes no step and receives nothing until it restarts; *)
(*    a crash and a restart must be faults the header's plan allows, as   *)
(*    must every fault event (partitions, link rules, clock skews), in the *)
(*    plan's order;                                                        *)
(*  - a disk loss ("wipe" fault on a down node) only where the trace spec *)
(*    models it (NetWipe); NetFault rejects it;                            *)
(*  - a "byzantine" fault (recorded on its node, in plan order) marks the  *)
(*    node Byzantine for the rest of the trace (net.byz, NetByzantine(n)): *)
(*    a trace spec of an algorithm that tolerates Byzantine servers checks *)
(*    such a node's sends only for authenticity; a spec that never asks    *)
(*    checks it as honest, which is stricter (the runtime refuses such     *)
(*    plans for those algorithms anyway).                                  *)
(*                                                                         *)
(* What the header says (docs/trace-format.md, "Header"):                  *)
(*  - nodes and roles ("server", "client", ...; every role but "client"  *)
(*    is a kind of server);                                                *)
(*  - params.net: "reliable" (the default) or "unreliable";                *)
(*    params.lossPercent, params.duplicatePercent: the unreliable          *)
(*    network's rates where no link rule applies (default 0);              *)
(*  - params.transport (real networks only; absent: the simulator):        *)
(*    "tcp", "quic" or "udp"; only "udp" may duplicate, whatever the rates *)
(*    say, and a header whose transport contradicts its rates (udp with    *)
(*    duplicatePercent 0 or a reliable net; tcp/quic with duplicatePercent *)
(*    above 0) is inconsistent: no trace under it passes (NetQuiet, the    *)
(*    end condition of every trace spec; NetInit must stay plain           *)
(*    assignments so that traces can be validated in batches).             *)
(*    The same rule as TransportParams.java, which rejects such a header   *)
(*    with "inconsistent header: params.transport is ..., but              *)
(*    params.duplicatePercent is ...".                                     *)
(*  - plan.events: the scheduled faults (the runtime's FaultEvent data);   *)
(*    plan.unplanned: kinds of faults that may also happen unscheduled     *)
(*    ("crash", "restart": an operator killing processes of a real         *)
(*    cluster).  No plan: no faults at all.                                *)
(*                                                                         *)
(* The state is one variable, net, a record; put it in the trace spec's    *)
(* variables (and its VIEW, if any).  A trace spec's end condition is      *)
(* NetQuiet: no delivery is left without its handler.                      *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets, TLC, TraceValidation

VARIABLE net

----------------------------------------------------------------------------
(* The header *)

TraceNodes == SeqToSet(TraceHeader.nodes)

HasRoles == Has(TraceHeader, "roles")

\* The nodes with role r, as the header lists them (a header without roles: all are servers).
RoleSeq(r) ==
    IF HasRoles THEN Get(TraceHeader.roles, r, <<>>)
    ELSE IF r = "server" THEN TraceHeader.nodes ELSE <<>>

RoleNodes(r) == SeqToSet(RoleSeq(r))

TraceClients == RoleNodes("client")

\* The nodes that run the algorithm, in header order: every node that is not a client (an
\* algorithm may name kinds of servers, e.g. "coordinator" and "participant").
ServerSeq == SelectSeq(TraceHeader.nodes, LAMBDA n : n \notin TraceClients)
TraceServers == SeqToSet(ServerSeq)

TraceParams == Get(TraceHeader, "params", [x \in {} |-> 0])

Param(k, d) == Get(TraceParams, k, d)

Reliable == Param("net", "reliable") = "reliable"

\* The transport a real-network trace names (TransportParams.java): only UDP duplicates.
HasTransport == Has(TraceParams, "transport")
TransportMayDuplicate == ~HasTransport \/ TraceParams.transport = "udp"
TransportConsistent ==
    \/ ~HasTransport
    \/ /\ TraceParams.transport \in {"tcp", "quic"}
       /\ Param("duplicatePercent", 0) = 0
    \/ /\ TraceParams.transport = "udp"
       /\ Param("duplicatePercent", 0) > 0
       /\ ~Reliable

\* The plan of the trace being matched (in a batch of traces, each has its own).
CurrentHeader == TraceHeaderAt(EventIndex)
HasPlan == Has(CurrentHeader, "plan")
PlanEvents == IF HasPlan THEN Get(CurrentHeader.plan, "events", <<>>) ELSE <<>>
Unplanned == IF HasPlan THEN SeqToSet(Get(CurrentHeader.plan, "unplanned", <<>>)) ELSE {}

----------------------------------------------------------------------------
(* Connectivity: the last partition-type fault (Connectivity.java).       *)
(* Only servers are partitioned; clients reach every node.                *)

NoCut == [type |-> "heal"]

\* The position of x in s (0 when absent).  Total, because TLC evaluates every disjunct of an
\* action, even one after a true one.
Pos(s, x) == IF \E k \in 1 .. Len(s) : s[k] = x THEN CHOOSE k \in 1 .. Len(s) : s[k] = x ELSE 0

\* Group of server n in a partition event: its index, or one past the last when unlisted.
PartGroup(c, n) ==
    IF \E g \in 1 .. Len(c.groups) : n \in SeqToSet(c.groups[g])
    THEN CHOOSE g \in 1 .. Len(c.groups) : n \in SeqToSet(c.groups[g])
    ELSE Len(c.groups) + 1

CutAllows(c, a, b) ==
    CASE c.type = "heal"      -> TRUE
      [] c.type = "partition" -> PartGroup(c, a) = PartGroup(c, b)
      [] c.type = "isolate"   -> (a = c.node) = (b = c.node)
      [] c.type = "bridge"    -> \/ a = c.bridge \/ b = c.bridge
                                 \/ (a \in SeqToSet(c.right)) = (b \in SeqToSet(c.right))
      [] c.type = "ring"      -> LET s == ServerSeq
                                     n == Len(s)
                                 IN \/ a = b
                                    \/ Pos(s, b) = (Pos(s, a) % n) + 1
                                    \/ Pos(s, a) = (Pos(s, b) % n) + 1
      [] OTHER                -> FALSE

CutTypes == {"heal", "partition", "isolate", "bridge", "ring"}

Reachable(a, b) == IF a \in TraceServers /\ b \in TraceServers THEN CutAllows(net.cut, a, b) ELSE TRUE

----------------------------------------------------------------------------
(* Link rules (type "link"): the last one covering a link wins; node 0    *)
(* means every node; all rates 0 resets the link to the network's rates.  *)

Covers(r, a, b) == a # b /\ (r.from = 0 \/ r.from = a) /\ (r.to = 0 \/ r.to = b)

IsReset(r) == r.loss = 0 /\ r.duplicate = 0 /\ r.reorder = 0 /\ r.delayMin <= 0 /\ r.delayMax <= 0

\* The rule in force on link a -> b, or NoRule.
NoRule == [type |-> "none"]
RuleOn(a, b) ==
    LET covering == {k \in 1 .. Len(net.links) : Covers(net.links[k], a, b)}
        last == IF covering = {} THEN 0 ELSE CHOOSE k \in covering : \A o \in covering : o <= k
    IN IF last = 0 \/ IsReset(net.links[last]) THEN NoRule ELSE net.links[last]

\* Whether the network may lose / duplicate a message sent on a -> b now.
LossyNow(a, b) ==
    /\ ~Reliable
    /\ LET r == RuleOn(a, b) IN IF r = NoRule THEN Param("lossPercent", 0) > 0 ELSE r.loss > 0

DuplicatingNow(a, b) ==
    /\ ~Reliable
    /\ TransportMayDuplicate
    /\ LET r == RuleOn(a, b) IN IF r = NoRule THEN Param("duplicatePercent", 0) > 0 ELSE r.duplicate > 0

----------------------------------------------------------------------------
(* The state *)

NoMsg == [none |-> TRUE]

NetInit ==
    /\ net = [inflight |-> [x \in {} |-> NoMsg],   \* id -> [msg, copies, order, inc, lossy, dupable]
              pending  |-> [n \in TraceNodes |-> NoMsg],
              up       |-> [n \in TraceNodes |-> TRUE],
              inc      |-> [n \in TraceNodes |-> 0],  \* crashes + restarts so far
              cut      |-> NoCut,
              links    |-> <<>>,
              planPos  |-> 1,
              sends    |-> 0,
              byz      |-> {}]                        \* the nodes marked Byzantine so far

NetUnchanged == UNCHANGED net

\* Node n may take a step of its own (an action, a send, a timer).
NetUp(n) == n \in TraceNodes /\ net.up[n]

\* Node n may start a handler (a timer or a delivery): it is up and has none pending.
NetIdle(n) == NetUp(n) /\ net.pending[n] = NoMsg

\* The message delivered to n and not yet handled (NoMsg: none).
Pending(n) == net.pending[n]

\* No delivery is left without its handler: the end condition of a trace.
NetQuiet ==
    /\ TransportConsistent   \* constant: here, not in NetInit (which batching needs as assignments)
    /\ \A n \in TraceNodes : net.pending[n] = NoMsg

\* Node n was made Byzantine by the plan (before this point of the trace).
NetByzantine(n) == n \in net.byz

\* Message id is known to the network: a copy is in flight, or it was sent on a link that may
\* duplicate, where the network can still produce a copy after every earlier one arrived (a real
\* UDP receiver records a duplicate only when the second copy arrives, after the first).
InFlight(id) == id \in DOMAIN net.inflight

\* The in-flight entry of trace message m, when m is exactly the message sent under its id.
SameAsSent(m) == InFlight(m.id) /\ net.inflight[m.id].msg = m

\* ... and a copy of it is in flight now (what a delivery or a drop takes).
HasCopy(m) == SameAsSent(m) /\ net.inflight[m.id].copies > 0

\* Inflight without id.
Without(f, id) == [x \in DOMAIN f \ {id} |-> f[x]]

\* f with one copy of id taken out (the entry goes when none is left, unless the link may still
\* duplicate it).
TakeCopy(f, id) ==
    IF f[id].copies = 1 /\ ~f[id].dupable THEN Without(f, id) ELSE [f EXCEPT ![id].copies = @ - 1]

----------------------------------------------------------------------------
(* One operator per runtime event kind; each leaves net' fully determined. *)

NetSend(e) ==
    LET m == e.msg
    IN /\ e.node = m.from
       /\ NetUp(m.from)
       /\ m.to \in TraceNodes
       /\ ~InFlight(m.id)
       /\ net' = [net EXCEPT
                    !.inflight = @ @@ (m.id :> [msg |-> m, copies |-> 1, order |-> net.sends,
                                                inc |-> net.inc[m.to], lossy |-> LossyNow(m.from, m.to),
                                                dupable |-> DuplicatingNow(m.from, m.to)]),
                    !.sends = @ + 1]

\* No message sent earlier on the same link is still in flight (reliable links are FIFO).
InOrder(m) ==
    Reliable =>
        \A id \in DOMAIN net.inflight :
            LET x == net.inflight[id]
            IN (x.msg.from = m.from /\ x.msg.to = m.to) => x.order >= net.inflight[m.id].order

\* A delivery; with handled, a handler action must consume it (NetConsume) before the node's next
\* delivery or timer; without, the delivery itself is the receipt (e.g. client traffic a spec
\* does not model). Most specs use NetDeliver.
NetDeliverTo(e, handled) ==
    LET m == e.msg
    IN /\ e.node = m.to
       /\ HasCopy(m)
       /\ NetIdle(m.to)
       /\ net.inflight[m.id].inc = net.inc[m.to]
       /\ Reachable(m.from, m.to)
       /\ InOrder(m)
       /\ net' = [net EXCEPT !.inflight = TakeCopy(@, m.id), !.pending[m.to] = IF handled THEN m ELSE NoMsg]

NetDeliver(e) == NetDeliverTo(e, TRUE)

NetDuplicate(e) ==
    LET m == e.msg
    IN /\ e.node \in {m.from, m.to}
       /\ SameAsSent(m)
       /\ net.inflight[m.id].dupable
       /\ net' = [net EXCEPT !.inflight[m.id].copies = @ + 1]

NetDrop(e) ==
    LET m == e.msg
        x == net.inflight[m.id]
    IN /\ e.node \in {m.from, m.to}
       /\ HasCopy(m)
       /\ \/ x.lossy
          \/ m.from = m.to
          \/ ~Reachable(m.from, m.to)
          \/ x.inc # net.inc[m.to]
          \/ ~net.up[m.to]
       /\ net' = [net EXCEPT !.inflight = TakeCopy(@, m.id)]

\* The handler action of node n consumes its pending delivery (use Pending(n) for the message).
NetConsume(n) ==
    /\ NetUp(n)
    /\ net.pending[n] # NoMsg
    /\ net' = [net EXCEPT !.pending[n] = NoMsg]

NetTimer(e) == NetIdle(e.node) /\ NetUnchanged

FirstOf(S) == CHOOSE k \in S : \A o \in S : k <= o

\* The plan position after a fault whose plan events satisfy P: one past the first such event
\* from planPos on; planPos itself when none is left but the fault's kind may happen unplanned;
\* 0 when the fault may not happen.
NextPlanPos(P(_), kind) ==
    LET ks == {k \in net.planPos .. Len(PlanEvents) : P(PlanEvents[k])}
    IN IF ks # {} THEN FirstOf(ks) + 1
       ELSE IF kind \in Unplanned THEN net.planPos ELSE 0

\* A crash loses the node's volatile state (the spec's business), its pending delivery, its
\* timers, and every message in flight to it (they can only be dropped).
NetCrash(e) ==
    LET n == e.node
        pos == NextPlanPos(LAMBDA p : p.type = "crash" /\ Get(p, "node", 0) = n, "crash")
    IN /\ NetUp(n)
       /\ pos > 0
       /\ net' = [net EXCEPT !.up[n] = FALSE, !.inc[n] = @ + 1, !.pending[n] = NoMsg, !.planPos = pos]

NetRestart(e) ==
    LET n == e.node
        pos == NextPlanPos(LAMBDA p : p.type = "restart" /\ Get(p, "node", 0) = n, "restart")
    IN /\ n \in TraceNodes
       /\ ~net.up[n]
       /\ pos > 0
       /\ net' = [net EXCEPT !.up[n] = TRUE, !.inc[n] = @ + 1, !.planPos = pos]

\* A fault event: the plan's next such fault (recorded on node 0 for the whole cluster, on the
\* node for a clock skew or a Byzantine server); partitions and link rules take effect, a
\* Byzantine server is marked (also while it is down: the mark outlives crashes).  A disk loss ("wipe") is never
\* one of these: only a spec that models lost disks accepts it, through NetWipe.
NetFault(e) ==
    /\ Has(e, "state")
    /\ Has(e.state, "type")
    /\ LET d == e.state
           pos == NextPlanPos(LAMBDA p : p = d, "fault")
       IN /\ e.node = IF d.type \in {"skew", "byzantine"} THEN Get(d, "node", -1) ELSE 0
          /\ d.type \notin {"crash", "restart", "wipe"}
          /\ d.type = "byzantine" => e.node \in TraceServers
          /\ pos > 0
          /\ net' = [net EXCEPT !.planPos = pos,
                                !.cut = IF d.type \in CutTypes THEN d ELSE @,
                                !.links = IF d.type = "link" THEN Append(@, d) ELSE @,
                                !.byz = IF d.type = "byzantine" THEN @ \cup {e.node} ELSE @]

\* A disk loss: a fault event on the wiped node, action "wipe", with the plan event
\* {"type": "wipe", "node": n, ...} as its state, the plan's next such fault, while n is down (its
\* next restart starts from nothing: the spec's business).  Fail closed: a trace spec accepts a
\* wipe only by calling NetWipe, which only a spec that models lost disks does (every other spec
\* rejects the event: NetFault refuses type "wipe").
NetWipe(e) ==
    /\ IsKind(e, "fault")
    /\ Get(e, "action", "") = "wipe"
    /\ Has(e, "state")
    /\ Get(e.state, "type", "") = "wipe"
    /\ LET n == e.node
           pos == NextPlanPos(LAMBDA p : p = e.state, "wipe")
       IN /\ Get(e.state, "node", -1) = n
          /\ n \in TraceNodes
          /\ ~net.up[n]
          /\ pos > 0
          /\ net' = [net EXCEPT !.planPos = pos]

\* An action of node n that handles no delivery (UpdateTerm, BecomeLeader, a timer's work, ...).
NetAct(e) == NetUp(e.node) /\ NetUnchanged

=============================================================================
