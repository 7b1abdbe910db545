-------------------------------- MODULE Crdt --------------------------------
(***************************************************************************)
(* A grow-only counter (G-Counter) replicated by anti-entropy gossip.      *)
(*                                                                         *)
(* Each replica i holds a vector counts[i] with one entry per replica: how *)
(* many increments of that replica it knows of. A replica increments only  *)
(* its own entry; gossip carries a whole vector and the receiver merges it *)
(* by the pointwise maximum (the lattice join). The network may lose,      *)
(* duplicate and reorder messages: msgs is a set, delivery need not        *)
(* remove a message (a duplicate), and DropGossip throws one away.         *)
(*                                                                         *)
(* Ghost variables, for the properties only:                               *)
(*   acked[i]     increments acknowledged to clients at replica i;         *)
(*   synced[j][i] TRUE when j has merged replica i's state as it is now    *)
(*                (reset whenever counts[i] changes). When every synced    *)
(*                flag is TRUE the system is quiescent: nothing gossip     *)
(*                could still spread.                                      *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Node,       \* replica ids
    MaxStep     \* largest single increment a client may ask for

VARIABLES
    counts,     \* counts[i][j]: increments of replica j known at replica i
    msgs,       \* gossip messages in flight: [from, to, state]
    acked,      \* ghost: acked[i] = sum of increments acknowledged at i
    synced      \* ghost: synced[j][i] = j has merged i's current state

vars == <<counts, msgs, acked, synced>>

Zero == [j \in Node |-> 0]

\* The lattice: vectors ordered pointwise; join is the pointwise maximum.
Leq(a, b) == \A j \in Node : a[j] <= b[j]
Max(x, y) == IF x >= y THEN x ELSE y
Join(a, b) == [j \in Node |-> Max(a[j], b[j])]

RECURSIVE SumSet(_, _)
SumSet(f, S) == IF S = {} THEN 0
                ELSE LET x == CHOOSE y \in S : TRUE
                     IN f[x] + SumSet(f, S \ {x})

Value(c) == SumSet(c, Node)          \* the counter value a replica reports
TotalAcked == SumSet(acked, Node)

TypeOK ==
    /\ counts \in [Node -> [Node -> Nat]]
    /\ acked \in [Node -> Nat]
    /\ synced \in [Node -> [Node -> BOOLEAN]]
    /\ \A m \in msgs : m.from \in Node /\ m.to \in Node /\ m.state \in [Node -> Nat]

Init ==
    /\ counts = [i \in Node |-> Zero]
    /\ msgs = {}
    /\ acked = [i \in Node |-> 0]
    /\ synced = [j \in Node |-> [i \in Node |-> TRUE]]

\* When counts[i] changes, nobody else has seen the new value yet.
Changed(i) == [j \in Node |-> [k \in Node |->
                  IF k = i /\ j # i THEN FALSE ELSE synced[j][k]]]

\* A client asks replica i to add k; the replica applies and acknowledges it.
Increment(i, k) ==
    /\ counts' = [counts EXCEPT ![i][i] = @ + k]
    /\ acked' = [acked EXCEPT ![i] = @ + k]
    /\ synced' = Changed(i)
    /\ UNCHANGED msgs

\* Replica i sends its whole state to j (a push, or the reply of a push-pull round).
SendGossip(i, j) ==
    /\ i # j
    /\ msgs' = msgs \cup {[from |-> i, to |-> j, state |-> counts[i]]}
    /\ UNCHANGED <<counts, acked, synced>>

\* Replica m.to merges a delivered state. The message may stay in flight (a duplicate).
ReceiveGossip(m) ==
    LET j == m.to
        new == Join(counts[j], m.state)
        s1 == IF new = counts[j] THEN synced ELSE Changed(j)
    IN /\ counts' = [counts EXCEPT ![j] = new]
       /\ synced' = [s1 EXCEPT ![j][m.from] = @ \/ (m.state = counts[m.from])]
       /\ \/ msgs' = msgs \ {m}
          \/ UNCHANGED msgs
       /\ UNCHANGED acked

\* The network loses a message.
DropGossip(m) ==
    /\ msgs' = msgs \ {m}
    /\ UNCHANGED <<counts, acked, synced>>

Next ==
    \/ \E i \in Node, k \in 1..MaxStep : Increment(i, k)
    \/ \E i, j \in Node : SendGossip(i, j)
    \/ \E m \in msgs : ReceiveGossip(m) \/ DropGossip(m)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Properties *)

\* Each replica's state only grows in the lattice order (an action property).
Monotonic == [][\A i \in Node : Leq(counts[i], counts'[i])]_vars

\* No replica knows of increments that were never made (and messages neither).
NoPhantomIncrements ==
    /\ \A i, j \in Node : counts[i][j] <= acked[j]
    /\ \A m \in msgs : \A j \in Node : m.state[j] <= acked[j]

\* A replica never reports more than was acknowledged.
ValueBounded == \A i \in Node : Value(counts[i]) <= TotalAcked

Quiescent == \A i, j \in Node : synced[j][i]

\* Once all replicas have merged each other's states, every replica reports exactly the
\* acknowledged increments ...
CounterValue == Quiescent => \A i \in Node : Value(counts[i]) = TotalAcked

\* ... and all replicas hold the same state.
Convergence == Quiescent => \A i, j \in Node : counts[i] = counts[j]
=============================================================================
