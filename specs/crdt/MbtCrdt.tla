------------------------------- MODULE MbtCrdt -------------------------------
(***************************************************************************)
(* Behaviours of the G-Counter (Crdt.tla through MCCrdt) for model-based   *)
(* tests (conform mbt crdt): TLC simulates this module and the             *)
(* implementation (type g-counter) is driven through each behaviour step   *)
(* by step.  Every step is one of Crdt.tla's Next, labelled:               *)
(*  - mbtStep: the action, the replica, the message handled or lost, with  *)
(*    whether it was sent as a push or as a reply (push |-> TRUE/FALSE),   *)
(*    which Crdt.tla's message values do not tell apart;                   *)
(*  - mbtOwed: the steps the implementation takes in the same handler:     *)
(*    its gossip round pushes to every peer (fanout = all peers), and a    *)
(*    replica that merges a push replies to its sender;                    *)
(*  - mbtSent: every message sent, with its kind, and not lost: the        *)
(*    network as the driver sees it (Crdt.tla's msgs forgets a message     *)
(*    once received, and may hold one value sent both as push and reply);  *)
(*  - mbtOptions: the constants the implementation is run with.            *)
(* Increments are bounded by MaxAcked per replica (MCCrdt's constraint).   *)
(***************************************************************************)
EXTENDS MCCrdt, Sequences

VARIABLES mbtStep, mbtOwed, mbtSent, mbtOptions

mbtVars == <<vars, mbtStep, mbtOwed, mbtSent, mbtOptions>>

ASSUME Cardinality(Node) >= 2 /\ Node \subseteq Nat

NoMsg == [type |-> "none"]

\* Replica i owes a gossip to j, a push or a reply.
Owe(i, j, push) == [action |-> "SendGossip", node |-> i, peer |-> j, push |-> push]

PeerSeq(i) ==
    LET P == Node \ {i}
    IN CHOOSE s \in [1 .. Cardinality(P) -> P] : \A a, b \in DOMAIN s : a < b => s[a] < s[b]

Step(a, i, m, owed) ==
    /\ mbtStep' = [action |-> a, node |-> i, msg |-> m]
    /\ mbtOwed' = owed
    /\ UNCHANGED mbtOptions

\* A message with its kind.
Kinded(m, push) == [from |-> m.from, to |-> m.to, state |-> m.state, push |-> push]

\* i gossips to j, a push or a reply.
Gossip(i, j, push, owed) ==
    /\ SendGossip(i, j)
    /\ mbtSent' = mbtSent \cup {Kinded([from |-> i, to |-> j, state |-> counts[i]], push)}
    /\ Step("SendGossip", i, NoMsg, owed)

MbtInit ==
    /\ Init
    /\ mbtStep = [action |-> "Init", node |-> CHOOSE i \in Node : TRUE, msg |-> NoMsg]
    /\ mbtOwed = <<>>
    /\ mbtSent = {}
    /\ mbtOptions = [maxStep |-> MaxStep]

OwedStep ==
    LET o == Head(mbtOwed)
    IN /\ o.action = "SendGossip"
       /\ Gossip(o.node, o.peer, o.push, Tail(mbtOwed))

FreeStep ==
    \/ \E i \in Node, k \in 1 .. MaxStep :
          /\ acked[i] + k <= MaxAcked
          /\ Increment(i, k)
          /\ UNCHANGED mbtSent
          /\ Step("Increment", i, NoMsg, <<>>)
    \* The gossip round: the first peer now, the others owed.
    \/ \E i \in Node :
          Gossip(i, PeerSeq(i)[1], TRUE,
                 [k \in 1 .. Cardinality(Node) - 2 |-> Owe(i, PeerSeq(i)[k + 1], TRUE)])
    \/ \E m \in msgs, push \in BOOLEAN :
          /\ Kinded(m, push) \in mbtSent
          /\ ReceiveGossip(m)
          /\ UNCHANGED mbtSent
          /\ Step("ReceiveGossip", m.to, Kinded(m, push),
                  IF push THEN <<Owe(m.to, m.from, FALSE)>> ELSE <<>>)
    \/ \E m \in msgs, push \in BOOLEAN :
          /\ Kinded(m, push) \in mbtSent
          /\ DropGossip(m)
          /\ mbtSent' = mbtSent \ {Kinded(m, push)}
          /\ Step("DropGossip", m.from, Kinded(m, push), <<>>)

MbtNext == IF mbtOwed # <<>> THEN OwedStep ELSE FreeStep

MbtSpec == MbtInit /\ [][MbtNext]_mbtVars
=============================================================================
