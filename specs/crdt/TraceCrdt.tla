------------------------------ MODULE TraceCrdt ------------------------------
(***************************************************************************)
(* Trace spec of GossipReplicaNode: every CRDT kind (g-counter,           *)
(* pn-counter, lww-register, lww-map, or-set) and clock mode (physical,   *)
(* hlc), bound by the trace header: the replicas are the header's servers, *)
(* the kind, clock mode, key count, update budget and fanout are the      *)
(* header's params.options (type, clock, keys, updates, fanout).  The     *)
(* network and the up/down state of the replicas are TraceNet's, by       *)
(* message identity.  Every recorded replica state must equal the state   *)
(* the spec computes (up to what the trace cannot show: the physical      *)
(* clock reading, the amount of an increment, the tie order of two writes *)
(* with one timestamp).                                                    *)
(*                                                                         *)
(* Event -> action (one handler of the implementation per line):          *)
(*   timer update, action Increment|Decrement|Assign|Put|Add|Remove        *)
(*        -> IsTimer, IsUpdate (persisted)                                 *)
(*   timer gossip, (action SendGossip, send Push) x fanout                 *)
(*        -> IsTimer, (IsSendGossip, IsSend) x min(fanout, replicas - 1)   *)
(*   deliver Push, action ReceiveGossip, action SendGossip, send Reply     *)
(*        -> IsDeliver, IsReceiveGossip (persisted), IsSendGossip, IsSend  *)
(*   deliver Reply, action ReceiveGossip -> IsDeliver, IsReceiveGossip     *)
(*   timer read, action Read -> IsTimer, IsRead (value = ReadOf(state))   *)
(*   drop, duplicate, fault -> TraceNet                                    *)
(*   crash -> IsCrash; restart -> IsRestart: the replica comes back with   *)
(*        what it persisted last (its state after its last update or       *)
(*        merge); what SendGossip changed since (the clock) is lost.       *)
(***************************************************************************)
EXTENDS CrdtLattice, TraceNet

VARIABLES rep, durable, task, stamped

vars == <<rep, durable, task, stamped, net>>

----------------------------------------------------------------------------
(* The header *)

Node == TraceServers
NodeName == {ToString(n) : n \in Node}

Options == Param("options", [x \in {} |-> ""])
Opt(k) == Get(Options, k, "")

\* A decimal option value (the schema allows 1 to 6 digits); -1 when it is not one.
ParseNat(s) == IF \E i \in 0 .. 999999 : ToString(i) = s THEN CHOOSE i \in 0 .. 999999 : ToString(i) = s ELSE -1

Kind == Opt("type")
ClockMode == Opt("clock")
KeyCount == ParseNat(Opt("keys"))
Updates == ParseNat(Opt("updates"))
Fanout == ParseNat(Opt("fanout"))

Kinds == {"g-counter", "pn-counter", "lww-register", "lww-map", "or-set"}

HeaderOk ==
    /\ Kind \in Kinds
    /\ ClockMode \in {"physical", "hlc"}
    /\ KeyCount >= 1
    /\ Updates >= 0
    /\ Fanout >= 1
    /\ Node # {}

\* The workload's keys: "k0".."k<keys-1>" of a map, "register" of a register; an or-set's
\* elements are "e0".."e<keys-1>".
Key == CASE Kind = "lww-register" -> {"register"}
         [] Kind = "lww-map"      -> {"k" \o ToString(i) : i \in 0 .. KeyCount - 1}
         [] OTHER                 -> {}
Elem == IF Kind = "or-set" THEN {"e" \o ToString(i) : i \in 0 .. KeyCount - 1} ELSE {}

UpdateActions ==
    CASE Kind = "g-counter"    -> {"Increment"}
      [] Kind = "pn-counter"   -> {"Increment", "Decrement"}
      [] Kind = "lww-register" -> {"Assign"}
      [] Kind = "lww-map"      -> {"Put"}
      [] OTHER                 -> {"Add", "Remove"}

\* Peers one gossip round pushes to (GossipReplicaNode.choosePeers).
RoundSize == IF Fanout < Cardinality(Node) - 1 THEN Fanout ELSE Cardinality(Node) - 1

----------------------------------------------------------------------------
(* Recorded values (their shapes are TraceCrdt.schema.json's) *)

Zeros == [n \in Node |-> 0]

\* An object keyed by replica id, with no key outside the header's replicas.
ByReplicaOk(r) == DOMAIN r \subseteq NodeName
ByReplica(r) == ByNodeOr(r, Node, 0)

ToTs(t) == <<t.wall, t.logical, t.node>>

RegOf(r) == [v |-> IF Has(r, "value") THEN <<r.value>> ELSE <<>>, ts |-> ToTs(r.ts)]

DotsOk(s) == \A i \in DOMAIN s : s[i].node \in Node

\* A recorded CRDT value of the header's kind, naming no replica, key or element outside it.
ValueOk(c) ==
    /\ c.crdt = Kind
    /\ CASE Kind = "g-counter"    -> ByReplicaOk(c.counts)
         [] Kind = "pn-counter"   -> ByReplicaOk(c.inc.counts) /\ ByReplicaOk(c.dec.counts)
         [] Kind = "lww-register" -> TRUE
         [] Kind = "lww-map"      -> DOMAIN c.entries \subseteq Key
         [] OTHER                 -> /\ DOMAIN c.entries \subseteq Elem
                                     /\ ByReplicaOk(c.context)
                                     /\ \A e \in DOMAIN c.entries : DotsOk(c.entries[e])

\* The value in CrdtLattice's shape (call only when ValueOk).
ValueOf(c) ==
    [inc  |-> CASE Kind = "g-counter"  -> ByReplica(c.counts)
                [] Kind = "pn-counter" -> ByReplica(c.inc.counts)
                [] OTHER               -> Zeros,
     dec  |-> IF Kind = "pn-counter" THEN ByReplica(c.dec.counts) ELSE Zeros,
     regs |-> IF Kind = "lww-register" THEN [k \in Key |-> RegOf(c)]
              ELSE [k \in Key |-> IF Has(c.entries, k) THEN RegOf(c.entries[k]) ELSE EmptyReg],
     dots |-> [e \in Elem |-> IF Has(c.entries, e)
                              THEN {<<c.entries[e][i].node, c.entries[e][i].counter>> : i \in DOMAIN c.entries[e]}
                              ELSE {}],
     ctx  |-> IF Kind = "or-set" THEN ByReplica(c.context) ELSE Zeros]

\* A replica snapshot (ReplicaSnapshot.java): {crdt, clock, seen, updates[, write]}.
SnapOk(s) == Has(s, "crdt") /\ ValueOk(s.crdt) /\ ByReplicaOk(s.seen)

SnapOf(s) == [val |-> ValueOf(s.crdt), clock |-> ToTs(s.clock), seen |-> ByReplica(s.seen), updates |-> s.updates]

----------------------------------------------------------------------------
(* The state *)

\* A fresh replica: the bottom value; the HLC at 0.0 (stamped with the replica's id), or the
\* physical mode's "no reading yet" 0.0@0.
InitRep(n) == [val     |-> Bottom(Node, Key, Elem),
               clock   |-> IF ClockMode = "hlc" THEN <<0, 0, n>> ELSE ZeroTs,
               seen    |-> Zeros,
               updates |-> 0]

\* What a replica is in the middle of: "" nothing; "update" / "read" an update or read timer
\* fired, its action comes next; "gossip" a round pushing to the peers in pushed; "reply" it
\* merged a push from to and owes it a reply.
Idle == [do |-> "", to |-> 0, pushed |-> {}]

Init ==
    /\ HeaderOk
    /\ rep = [n \in Node |-> InitRep(n)]
    /\ durable = rep
    /\ task = [n \in Node |-> Idle]
    /\ stamped = [n \in Node |-> FALSE]
    /\ NetInit

\* A gossip round is over once it pushed to RoundSize distinct peers.
RoundDone(n) == task[n].do = "gossip" => Cardinality(task[n].pushed) = RoundSize

\* Replica n is between handlers: it may start a new one (a timer or a delivery).
Free(n) == task[n].do \in {"", "gossip"} /\ RoundDone(n) /\ ~stamped[n]

\* The end condition: no delivery left without its handler, no handler left half done.
CrdtQuiet == NetQuiet /\ \A n \in Node : Free(n)

\* c2 is the clock after a timestamp is drawn at replica n (an LWW write, a gossip send):
\* HLC: a tick; physical: the local clock's reading, any value (skew is arbitrary).
StampOk(n, c, c2) ==
    /\ c2[3] = n
    /\ IF ClockMode = "hlc" THEN HlcTickOk(c, c2) ELSE c2[2] = 0

AddOf(v, n, x) == LET c == v.ctx[n] + 1 IN [v EXCEPT !.dots[x] = {<<n, c>>}, !.ctx[n] = c]

\* An LWW write (Assign, Put) with its write record w (WriteRecord.java).
WriteOk(n, old, new, w) ==
    LET k == w.key
        ts == ToTs(w.ts)
        mine == [v |-> <<w.value>>, ts |-> ts]
    IN /\ k \in Key
       /\ Has(w, "value")
       /\ w.node = n
       /\ w.seq = new.updates
       /\ ts = new.clock
       /\ StampOk(n, old.clock, new.clock)
       /\ RegJoinOk(old.val.regs[k], mine, new.val.regs[k])
       /\ new.val = [old.val EXCEPT !.regs[k] = new.val.regs[k]]
       /\ w.applied = (new.val.regs[k] = mine)
       /\ Has(w, "pred") = (old.val.regs[k].ts # ZeroTs)
       /\ Has(w, "pred") => ToTs(w.pred) = old.val.regs[k].ts
       /\ ByReplicaOk(w.deps)
       /\ ByReplica(w.deps) = old.seen

\* new is old after client update a at replica n (recorded state s).
UpdateOk(a, n, old, new, s) ==
    CASE a = "Increment" -> /\ new.clock = old.clock
                            /\ new.val.inc[n] > old.val.inc[n]
                            /\ new.val = [old.val EXCEPT !.inc[n] = new.val.inc[n]]
      [] a = "Decrement" -> /\ new.clock = old.clock
                            /\ new.val.dec[n] > old.val.dec[n]
                            /\ new.val = [old.val EXCEPT !.dec[n] = new.val.dec[n]]
      [] a = "Add"       -> /\ new.clock = old.clock
                            /\ \E x \in Elem : new.val = AddOf(old.val, n, x)
      [] a = "Remove"    -> /\ new.clock = old.clock
                            /\ \E x \in Elem : old.val.dots[x] # {} /\ new.val = [old.val EXCEPT !.dots[x] = {}]
      [] OTHER           -> Has(s, "write") /\ WriteOk(n, old, new, s.write)

\* The value a Read recorded (ReadResult.java: {crdt, value}) is v, CrdtLattice's ReadOf.
ReadOk(s, v) ==
    /\ Get(s, "crdt", "") = Kind
    /\ CASE Kind \in {"g-counter", "pn-counter"} -> Has(s, "value") /\ s.value = v
         [] Kind = "lww-register" -> IF Has(s, "value") THEN v = <<s.value>> ELSE v = <<>>
         [] Kind = "lww-map"      -> /\ Has(s, "value")
                                     /\ DOMAIN s.value = DOMAIN v
                                     /\ \A x \in DOMAIN v : s.value[x] = v[x]
         [] OTHER                 -> /\ Has(s, "value")
                                     /\ SeqToSet(s.value) = v
                                     /\ Len(s.value) = Cardinality(v)

----------------------------------------------------------------------------
(* One IsX per event *)

IsTimer(e) ==
    /\ IsKind(e, "timer")
    /\ Get(e, "action", "") \in {"update", "gossip", "read"}
    /\ Free(e.node)
    /\ e.action = "gossip" => Cardinality(Node) > 1
    /\ NetTimer(e)
    /\ task' = [task EXCEPT ![e.node] = [do |-> e.action, to |-> 0, pushed |-> {}]]
    /\ UNCHANGED <<rep, durable, stamped>>
    /\ TraceStep

IsUpdate(e) ==
    /\ IsKind(e, "action")
    /\ Get(e, "action", "") \in UpdateActions
    /\ NetAct(e)
    /\ task[e.node].do = "update"
    /\ rep[e.node].updates < Updates
    /\ Has(e, "state")
    /\ SnapOk(e.state)
    /\ LET n == e.node
           old == rep[n]
           new == SnapOf(e.state)
       IN /\ new.updates = old.updates + 1
          /\ new.seen = [old.seen EXCEPT ![n] = new.updates]
          /\ UpdateOk(e.action, n, old, new, e.state)
          /\ rep' = [rep EXCEPT ![n] = new]
          /\ durable' = [durable EXCEPT ![n] = new]
    /\ task' = [task EXCEPT ![e.node] = Idle]
    /\ UNCHANGED stamped
    /\ TraceStep

IsRead(e) ==
    /\ IsAction(e, "Read")
    /\ NetAct(e)
    /\ task[e.node].do = "read"
    /\ Has(e, "state")
    /\ ReadOk(e.state, ReadOf(Kind, rep[e.node].val))
    /\ task' = [task EXCEPT ![e.node] = Idle]
    /\ UNCHANGED <<rep, durable, stamped>>
    /\ TraceStep

\* Recorded just before a send: the state is unchanged but for the clock (a stamp, not
\* persisted).
IsSendGossip(e) ==
    /\ IsAction(e, "SendGossip")
    /\ NetAct(e)
    /\ task[e.node].do \in {"gossip", "reply"}
    /\ ~stamped[e.node]
    /\ Has(e, "state")
    /\ SnapOk(e.state)
    /\ LET n == e.node
           old == rep[n]
           new == SnapOf(e.state)
       IN /\ new.val = old.val
          /\ new.seen = old.seen
          /\ new.updates = old.updates
          /\ StampOk(n, old.clock, new.clock)
          /\ rep' = [rep EXCEPT ![n] = new]
    /\ stamped' = [stamped EXCEPT ![e.node] = TRUE]
    /\ UNCHANGED <<durable, task>>
    /\ TraceStep

\* A push of a gossip round (to a peer not pushed to yet) or the reply owed to a push; the body
\* is the sender's state: value, clock, seen.
IsSend(e) ==
    /\ IsKind(e, "send")
    /\ stamped[e.node]
    /\ NetSend(e)
    /\ LET n == e.node
           m == e.msg
           b == e.msg.body
       IN /\ m.to \in Node \ {n}
          /\ Get(b, "type", "") = m.type
          /\ ValueOk(b.state)
          /\ ValueOf(b.state) = rep[n].val
          /\ ToTs(b.clock) = rep[n].clock
          /\ ByReplicaOk(b.seen)
          /\ ByReplica(b.seen) = rep[n].seen
          /\ \/ /\ m.type = "Push"
                /\ task[n].do = "gossip"
                /\ m.to \notin task[n].pushed
                /\ Cardinality(task[n].pushed) < RoundSize
                /\ task' = [task EXCEPT ![n].pushed = @ \cup {m.to}]
             \/ /\ m.type = "Reply"
                /\ task[n].do = "reply"
                /\ m.to = task[n].to
                /\ task' = [task EXCEPT ![n] = Idle]
    /\ stamped' = [stamped EXCEPT ![e.node] = FALSE]
    /\ UNCHANGED <<rep, durable>>
    /\ TraceStep

IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ Free(e.node)
    /\ NetDeliver(e)
    /\ task' = [task EXCEPT ![e.node] = Idle]
    /\ UNCHANGED <<rep, durable, stamped>>
    /\ TraceStep

\* The handler of the delivery: merges exactly the delivered message (persisted); a push is
\* answered with a reply to its sender.
IsReceiveGossip(e) ==
    /\ IsAction(e, "ReceiveGossip")
    /\ NetConsume(e.node)
    /\ Has(e, "state")
    /\ SnapOk(e.state)
    /\ LET n == e.node
           m == Pending(n)
           b == m.body
           old == rep[n]
           new == SnapOf(e.state)
       IN /\ JoinOk(old.val, ValueOf(b.state), new.val)
          /\ new.seen = MaxF(old.seen, ByReplica(b.seen))
          /\ new.updates = old.updates
          /\ IF ClockMode = "hlc"
             THEN new.clock[3] = n /\ HlcReceiveOk(old.clock, ToTs(b.clock), new.clock)
             ELSE new.clock = old.clock
          /\ rep' = [rep EXCEPT ![n] = new]
          /\ durable' = [durable EXCEPT ![n] = new]
          /\ task' = [task EXCEPT ![n] = IF m.type = "Push" THEN [do |-> "reply", to |-> m.from, pushed |-> {}]
                                         ELSE Idle]
    /\ UNCHANGED stamped
    /\ TraceStep

\* A crash ends whatever the replica was doing.
IsCrash(e) ==
    /\ IsKind(e, "crash")
    /\ NetCrash(e)
    /\ task' = [task EXCEPT ![e.node] = Idle]
    /\ stamped' = [stamped EXCEPT ![e.node] = FALSE]
    /\ UNCHANGED <<rep, durable>>
    /\ TraceStep

\* The replica restarts from what it persisted; a restart that records the persisted snapshot
\* must record exactly that.
IsRestart(e) ==
    /\ IsKind(e, "restart")
    /\ NetRestart(e)
    /\ Has(e, "state") => (SnapOk(e.state) /\ SnapOf(e.state) = durable[e.node])
    /\ rep' = [rep EXCEPT ![e.node] = durable[e.node]]
    /\ UNCHANGED <<durable, task, stamped>>
    /\ TraceStep

IsDrop(e) == IsKind(e, "drop") /\ NetDrop(e) /\ UNCHANGED <<rep, durable, task, stamped>> /\ TraceStep

IsDuplicate(e) == IsKind(e, "duplicate") /\ NetDuplicate(e) /\ UNCHANGED <<rep, durable, task, stamped>> /\ TraceStep

IsFault(e) == IsKind(e, "fault") /\ NetFault(e) /\ UNCHANGED <<rep, durable, task, stamped>> /\ TraceStep

----------------------------------------------------------------------------
(* Invariants (the Java twin, CrdtInvariants, checks the same names) *)

\* No replica knows of a client update, increment, decrement or add its origin has not made.
NoPhantomUpdates ==
    \A n, m \in Node :
        /\ rep[n].seen[m] <= rep[m].updates
        /\ rep[n].val.inc[m] <= rep[m].val.inc[m]
        /\ rep[n].val.dec[m] <= rep[m].val.dec[m]
        /\ rep[n].val.ctx[m] <= rep[m].val.ctx[m]

\* With the HLC, a replica's clock is at or above every timestamp its value holds: a write it
\* makes next orders after every write it has seen, so a causally later write is never lost.
HlcDominates ==
    ClockMode = "hlc" => \A n \in Node : \A t \in StampsOf(rep[n].val) : HlcLeq(t, rep[n].clock)

----------------------------------------------------------------------------

TraceInit == TraceStart /\ Init

TraceNext == /\ TraceRemaining
             /\ \/ IsTimer(CurrentEvent)
                \/ IsUpdate(CurrentEvent)
                \/ IsRead(CurrentEvent)
                \/ IsSendGossip(CurrentEvent)
                \/ IsSend(CurrentEvent)
                \/ IsDeliver(CurrentEvent)
                \/ IsReceiveGossip(CurrentEvent)
                \/ IsCrash(CurrentEvent)
                \/ IsRestart(CurrentEvent)
                \/ IsDrop(CurrentEvent)
                \/ IsDuplicate(CurrentEvent)
                \/ IsFault(CurrentEvent)

TraceVars == <<vars, l>>
TraceSpec == TraceInit /\ [][TraceNext]_TraceVars
=============================================================================
