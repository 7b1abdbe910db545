------------------------------ MODULE TraceSwim ------------------------------
(***************************************************************************)
(* Trace spec of SWIM (impl/.../algorithms/swim, algorithm "swim"): an     *)
(* NDJSON trace is a behaviour of Swim under its own header.               *)
(*                                                                         *)
(*  - The header binds the trace: the members are its servers, the         *)
(*    joiners the params.options.joiners highest ids, the seed the lowest, *)
(*    the leaver the highest initial member when leaveAt > 0; k,           *)
(*    piggyback and the suspicion timeout in periods come from its         *)
(*    options.  The algorithm is the correct one.                          *)
(*  - The network is TraceNet's, by message identity.  An action puts the  *)
(*    messages it makes into network, which here is the node's outbox;    *)
(*    each send event takes one out (same type, destination, seq, target, *)
(*    inc; JoinAck: the members the view held).  A node starts no handler *)
(*    (deliver, timer, crash) while its outbox is not empty or it owes a   *)
(*    Refute or a Rejoin.                                                  *)
(*  - Piggybacked updates: the first is the sender's own entry now; the    *)
(*    others (at most piggyback, distinct members) are entries the sender  *)
(*    held in this life (heard): nothing is gossiped it never knew.        *)
(*  - Each action's recorded state {inc, round, view} is the spec's after  *)
(*    it, view as a delta: exactly the entries the action changed.         *)
(*  - Each timer-driven action follows its timer: probe -> Suspect, Probe, *)
(*    Leave, Join; probe-timeout -> IndirectProbe; suspect-<q> -> Confirm  *)
(*    of q (handler remembers what started the node's current handler).    *)
(*                                                                         *)
(*   trace event                          spec action                      *)
(*   timer probe / probe-timeout / ...    (network only; handler)          *)
(*   action Suspect                       Suspect(n)                       *)
(*   action Probe                         Probe(n, the Ping's target)      *)
(*   action IndirectProbe                 IndirectProbe(n, the helpers)    *)
(*   action Confirm {view: {q: dead}}     Confirm(n, q)                    *)
(*   action Join / Leave                  Join(n) / Leave(n, the members)  *)
(*   deliver X, action HandleX / Discard  Handle(n, the delivered X)       *)
(*   action Refute                        Refute(n)                        *)
(*   send                                 (outbox -> network)              *)
(*   crash / restart {inc}, Rejoin        Crash(n) / Restart(n), Rejoin(n) *)
(*   drop, duplicate, fault               (network only)                   *)
(***************************************************************************)
EXTENDS Swim, TraceNet

VARIABLES
    handler,    \* handler[n]: what started n's current handler: a timer's name, "deliver", "restart"
    heard       \* heard[n]: every entry (own ones too) n held in this life

traceVars == <<vars, handler, heard>>

----------------------------------------------------------------------------
(* The header *)

TraceOptions == Param("options", [x \in {} |-> ""])

\* Option o, a string: the number it spells (d when absent).
Num(o, d) ==
    IF Has(TraceOptions, o)
    THEN CHOOSE x \in 0 .. 100000 : ToString(x) = TraceOptions[o]
    ELSE d

TraceJoiners == {q \in TraceServers : Cardinality({x \in TraceServers : x > q}) < Num("joiners", 0)}
TraceInitial == TraceServers \ TraceJoiners
TraceSeed == CHOOSE q \in TraceInitial : \A x \in TraceInitial : q <= x
TraceLeaveAt == Num("leaveAt", 0)
TraceLeaver ==
    IF TraceLeaveAt = 0 THEN 0 ELSE CHOOSE q \in TraceInitial : \A x \in TraceInitial : x <= q
TraceK == Num("k", 2)
TracePiggyback == Num("piggyback", 6)
TraceSuspectRounds == Max(0, (Num("suspectTimeout", 30) \div Num("period", 10)) - 1)

\* The constants the .cfg binds.  TLC evaluates a constant-level definition of no argument once,
\* but a CONSTANT bound by "<-" evaluates the body of its definition at each use: each of these
\* only names a definition above, so a use costs a lookup of a value computed once (not a
\* reading of the header, nor Num's search).
CfgMember == TraceServers
CfgInitial == TraceInitial
CfgSeed == TraceSeed
CfgLeaver == TraceLeaver
CfgLeaveAt == TraceLeaveAt
CfgK == TraceK
CfgSuspectRounds == TraceSuspectRounds

\* No bound: rounds, incarnations and seqs of a trace.
Unbounded == 1073741823

\* The outbox keeps every message (the network of TraceNet loses them).
TraceSent(ms) == ms

----------------------------------------------------------------------------
(* Values *)

UpdOk(u) ==
    /\ DOMAIN u = {"member", "status", "inc"}
    /\ u.member \in Member /\ u.status \in Statuses /\ u.inc \in Nat

UpdsOk(s) == \A i \in DOMAIN s : UpdOk(s[i])

\* The spec message a trace message stands for (updates as a set).
SpecMsg(m) ==
    CASE m.type = "Ping"    -> [type |-> "Ping", from |-> m.from, to |-> m.to, seq |-> m.body.seq,
                                ups |-> SeqToSet(m.body.updates)]
      [] m.type = "PingReq" -> [type |-> "PingReq", from |-> m.from, to |-> m.to, seq |-> m.body.seq,
                                target |-> m.body.target, ups |-> SeqToSet(m.body.updates)]
      [] m.type = "Ack"     -> [type |-> "Ack", from |-> m.from, to |-> m.to, seq |-> m.body.seq,
                                ups |-> SeqToSet(m.body.updates)]
      [] m.type = "Join"    -> [type |-> "Join", from |-> m.from, to |-> m.to, inc |-> m.body.inc]
      [] m.type = "JoinAck" -> [type |-> "JoinAck", from |-> m.from, to |-> m.to,
                                members |-> SeqToSet(m.body.members)]

MsgOk(m) ==
    CASE m.type \in {"Ping", "Ack"} -> /\ DOMAIN m.body = {"seq", "updates"}
                                       /\ UpdsOk(m.body.updates)
      [] m.type = "PingReq" -> /\ DOMAIN m.body = {"seq", "target", "updates"}
                               /\ m.body.target \in Member
                               /\ UpdsOk(m.body.updates)
      [] m.type = "Join"    -> DOMAIN m.body = {"inc"}
      [] m.type = "JoinAck" -> DOMAIN m.body = {"members"} /\ UpdsOk(m.body.members)
      [] OTHER -> FALSE

\* The fields a send must match in the outbox (not the gossip, checked by GossipOk).
Key(m) == [type |-> m.type, to |-> m.to,
           seq |-> IF "seq" \in DOMAIN m THEN m.seq ELSE 0,
           target |-> IF "target" \in DOMAIN m THEN m.target ELSE 0,
           inc |-> IF "inc" \in DOMAIN m THEN m.inc ELSE 0]

\* The recorded updates of n's message: its own entry now first, then at most piggyback entries
\* n held in this life, about distinct members.
GossipOk(n, s) ==
    /\ Len(s) >= 1
    /\ s[1] = OwnEntry(n)
    /\ Len(s) - 1 <= TracePiggyback
    /\ \A i \in 2 .. Len(s) : s[i] \in heard[n]
    /\ \A i, j \in 2 .. Len(s) : i # j => s[i].member # s[j].member

\* The recorded view delta: exactly the entries the action changed, with their new values.
DeltaOk(n, d) ==
    LET changed == {q \in Member : view'[n][q] # view[n][q]}
    IN /\ DOMAIN d = {ToString(q) : q \in changed}
       /\ \A q \in changed : LET x == d[ToString(q)]
                             IN /\ DOMAIN x = {"status", "inc"}
                                /\ view'[n][q] = Entry(x.status, x.inc)

StateIs(e) ==
    /\ Has(e, "state")
    /\ DOMAIN e.state = {"inc", "round", "view"}
    /\ inc'[e.node] = e.state.inc
    /\ round'[e.node] = e.state.round
    /\ DeltaOk(e.node, e.state.view)

\* n learns what its new view and own entry say (most actions change nothing: then heard stays,
\* and TLC does not rebuild the set).
Hears(n) ==
    LET new == KnowledgeOf(n, view'[n], inc'[n], left'[n]) \ heard[n]
    IN heard' = IF new = {} THEN heard ELSE [heard EXCEPT ![n] = @ \cup new]

\* Node n has sent every message its recorded actions made and owes no action.
Settled(n) == /\ \A m \in network : m.from # n
              /\ accused[n] < inc[n]
              /\ ~fresh[n]

\* The timer (or "deliver") that started n's current handler.
After(n, h) == handler[n] = h

----------------------------------------------------------------------------
(* Actions *)

IsSuspect(e) ==
    /\ IsAction(e, "Suspect")
    /\ NetAct(e)
    /\ After(e.node, "probe")
    /\ Suspect(e.node)
    /\ StateIs(e)
    /\ Hears(e.node)
    /\ UNCHANGED handler
    /\ TraceStep

IsProbe(e) ==
    /\ IsAction(e, "Probe")
    /\ NetAct(e)
    /\ After(e.node, "probe")
    /\ \E t \in Member \cup {None} : Probe(e.node, t)
    /\ StateIs(e)
    /\ Hears(e.node)
    /\ UNCHANGED handler
    /\ TraceStep

IsIndirectProbe(e) ==
    /\ IsAction(e, "IndirectProbe")
    /\ NetAct(e)
    /\ After(e.node, "probe-timeout")
    /\ probe[e.node] # NoProbe
    /\ \E H \in UpTo(Helpers(e.node, probe[e.node].target), K) : IndirectProbe(e.node, H)
    /\ StateIs(e)
    /\ Hears(e.node)
    /\ UNCHANGED handler
    /\ TraceStep

IsConfirm(e) ==
    /\ IsAction(e, "Confirm")
    /\ NetAct(e)
    /\ \E q \in Member :
          /\ After(e.node, "suspect-" \o ToString(q))
          /\ Confirm(e.node, q)
    /\ StateIs(e)
    /\ Hears(e.node)
    /\ UNCHANGED handler
    /\ TraceStep

IsJoin(e) ==
    /\ IsAction(e, "Join")
    /\ NetAct(e)
    /\ After(e.node, "probe")
    /\ Join(e.node)
    /\ StateIs(e)
    /\ Hears(e.node)
    /\ UNCHANGED handler
    /\ TraceStep

IsLeave(e) ==
    /\ IsAction(e, "Leave")
    /\ NetAct(e)
    /\ After(e.node, "probe")
    /\ \E H \in UpTo(Probeable(e.node), K) : Leave(e.node, H)
    /\ StateIs(e)
    /\ Hears(e.node)
    /\ UNCHANGED handler
    /\ TraceStep

IsRefute(e) ==
    /\ IsAction(e, "Refute")
    /\ NetAct(e)
    /\ After(e.node, "deliver")
    /\ Refute(e.node)
    /\ StateIs(e)
    /\ Hears(e.node)
    /\ UNCHANGED handler
    /\ TraceStep

IsRejoin(e) ==
    /\ IsAction(e, "Rejoin")
    /\ NetAct(e)
    /\ After(e.node, "restart")
    /\ Rejoin(e.node)
    /\ StateIs(e)
    /\ Hears(e.node)
    /\ UNCHANGED handler
    /\ TraceStep

HandlerName(n, t) ==
    IF left[n] THEN "Discard"
    ELSE CASE t = "Ping" -> "HandlePing" [] t = "PingReq" -> "HandlePingReq" [] t = "Ack" -> "HandleAck"
           [] t = "Join" -> "HandleJoin" [] t = "JoinAck" -> "HandleJoinAck" [] OTHER -> "?"

\* The handler of the delivered message consumes it.
IsHandle(e) ==
    /\ IsKind(e, "action")
    /\ Pending(e.node) # NoMsg
    /\ MsgOk(Pending(e.node))
    /\ Get(e, "action", "") = HandlerName(e.node, Pending(e.node).type)
    /\ After(e.node, "deliver")
    /\ NetConsume(e.node)
    /\ Handle(e.node, SpecMsg(Pending(e.node)), network)
    /\ StateIs(e)
    /\ Hears(e.node)
    /\ UNCHANGED handler
    /\ TraceStep

----------------------------------------------------------------------------
(* Runtime events *)

\* A message an action made, with the gossip the sender may piggyback.
IsSend(e) ==
    /\ IsKind(e, "send")
    /\ MsgOk(e.msg)
    /\ NetSend(e)
    /\ \E m \in network :
          /\ m.from = e.node
          /\ Key(m) = Key(SpecMsg(e.msg))
          /\ IF m.type = "JoinAck"
             THEN LET ms == SeqToSet(e.msg.body.members)
                  IN /\ Len(e.msg.body.members) = Cardinality(ms)
                     /\ \/ ms = m.members
                        \/ ms = {u \in m.members : u.member # m.to}
             ELSE IF m.type = "Join" THEN TRUE
             ELSE GossipOk(e.node, e.msg.body.updates)
          /\ network' = network \ {m}
    /\ UNCHANGED <<inc, up, fresh, joined, left, round, seqNo, view, susAge, probe, relay, accused,
                   declared, refuted, everDown, handler, heard>>
    /\ TraceStep

IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ Settled(e.node)
    /\ NetDeliver(e)
    /\ handler' = [handler EXCEPT ![e.node] = "deliver"]
    /\ UNCHANGED <<vars, heard>>
    /\ TraceStep

IsTimer(e) ==
    /\ IsKind(e, "timer")
    /\ Settled(e.node)
    /\ NetTimer(e)
    /\ handler' = [handler EXCEPT ![e.node] = Get(e, "action", "")]
    /\ UNCHANGED <<vars, heard>>
    /\ TraceStep

IsDrop(e) ==
    /\ IsKind(e, "drop")
    /\ NetDrop(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsDuplicate(e) ==
    /\ IsKind(e, "duplicate")
    /\ NetDuplicate(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsFault(e) ==
    /\ IsKind(e, "fault")
    /\ NetFault(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsCrash(e) ==
    /\ IsKind(e, "crash")
    /\ Settled(e.node)
    /\ NetCrash(e)
    /\ Crash(e.node)
    /\ heard' = [heard EXCEPT ![e.node] = {}]
    /\ UNCHANGED handler
    /\ TraceStep

\* The persisted state is the node's incarnation.
IsRestart(e) ==
    /\ IsKind(e, "restart")
    /\ NetRestart(e)
    /\ Restart(e.node)
    /\ Has(e, "state")
    /\ DOMAIN e.state = {"inc"}
    /\ e.state.inc = inc[e.node]
    /\ handler' = [handler EXCEPT ![e.node] = "restart"]
    /\ UNCHANGED heard
    /\ TraceStep

----------------------------------------------------------------------------

\* What TLC fingerprints to tell states apart (VIEW in TraceSwim.cfg): every variable but TraceNet's
\* net, whose record of every message ever sent only grows (on a duplicating network no copy ever
\* leaves it), and heard, which grows through a life; both would be hashed again in every state.
\* Leaving them out merges no two states: every TraceNet operator determines net' from net and the
\* event, and heard' follows from heard and the view, inc and left that the event's recorded state
\* pins (StateIs), so both are the same in all states at one position l of the trace.
TraceView == <<l, inc, up, fresh, joined, left, round, seqNo, view, susAge, probe, relay, accused,
               network, declared, refuted, everDown, handler>>

TraceInit ==
    /\ TraceStart /\ Init /\ NetInit
    /\ handler = [n \in Member |-> ""]
    /\ heard = [n \in Member |-> Knowledge(n)]

TraceNext == /\ TraceRemaining
             /\ \/ IsSuspect(CurrentEvent)
                \/ IsProbe(CurrentEvent)
                \/ IsIndirectProbe(CurrentEvent)
                \/ IsConfirm(CurrentEvent)
                \/ IsJoin(CurrentEvent)
                \/ IsLeave(CurrentEvent)
                \/ IsRefute(CurrentEvent)
                \/ IsRejoin(CurrentEvent)
                \/ IsHandle(CurrentEvent)
                \/ IsSend(CurrentEvent)
                \/ IsDeliver(CurrentEvent)
                \/ IsTimer(CurrentEvent)
                \/ IsDrop(CurrentEvent)
                \/ IsDuplicate(CurrentEvent)
                \/ IsFault(CurrentEvent)
                \/ IsCrash(CurrentEvent)
                \/ IsRestart(CurrentEvent)

\* The end of a trace: no delivery left without its handler, every recorded send made, no
\* Refute or Rejoin owed.
SwimTraceEnd == NetQuiet /\ network = {} /\ \A n \in Member : up[n] => Settled(n)

TraceSpec == TraceInit /\ [][TraceNext]_<<traceVars, net, l>>
=============================================================================
