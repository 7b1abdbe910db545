------------------------- MODULE MCCausalBroadcast -------------------------
(***************************************************************************)
(* The bounded models: three servers as model values.                      *)
(*                                                                         *)
(* Safety (SafeSpec): the network is every message ever sent (network     *)
(* only grows); any message may be received, any number of times, or      *)
(* never, in any order: loss, duplication and reordering in one.  Then a  *)
(* retransmission adds nothing new (every unacknowledged copy, a          *)
(* restart's included, was sent once already), so the acknowledgements    *)
(* and the unacknowledged copies influence nothing the invariants read:    *)
(* SafeView leaves them out.                                               *)
(***************************************************************************)
EXTENDS CausalBroadcast, TLC

CONSTANTS n1, n2, n3,
          CrashProne  \* the servers that may crash and restart in SafeSpec

MCNode == {n1, n2, n3}

\* Servers are interchangeable (safety without crashes).
Symmetry == Permutations(MCNode)

\* n3 crashes and restarts; n1 and n2 are interchangeable.
MCCrashProne == {n3}
PairSymmetry == Permutations({n1, n2})

SafeNext ==
    \/ \E n \in Node : \/ Broadcast(n, ValueOf(n, nextSeq[n]))
                       \/ \E h \in held[n] : Deliver(n, h)
    \/ \E n \in CrashProne : Crash(n) \/ Restart(n)
    \/ \E m \in network : m.type = "Data" /\ OnData(m.to, m, network)

SafeSpec == Init /\ [][SafeNext]_vars

SafeView == <<nextSeq, delivered, own, held, up, {m \in network : m.type = "Data"}, dlog, bpast>>

(***************************************************************************)
(* Liveness (LiveMCSpec): LiveSpec's fairness over LiveNext without the    *)
(* duplicating receive (a retransmission puts the copy back; a duplicate  *)
(* is one).  n3 may crash and restart; n1 and n2 are correct.              *)
(***************************************************************************)
MCCorrect == {n1, n2}

\* One value each.
MCCount == [n \in MCNode |-> 1]

\* Liveness: only n3 (crash-prone) broadcasts: its value reaches both correct servers even when
\* n3 crashes for good, through relays and retransmission.
LiveCount == (n1 :> 0) @@ (n2 :> 0) @@ (n3 :> 1)

\* Liveness: only n1 (correct) broadcasts: its value reaches n2 over the lossy network.
OriginLiveCount == (n1 :> 1) @@ (n2 :> 0) @@ (n3 :> 0)

\* Liveness, larger (LargeMCCausalBroadcastLive.cfg): n1 broadcasts too, after n3's value or not.
LargeLiveCount == (n1 :> 1) @@ (n2 :> 0) @@ (n3 :> 1)

LiveMCNext ==
    \/ \E n \in Node : \/ Broadcast(n, ValueOf(n, nextSeq[n]))
                       \/ \E h \in held[n] : Deliver(n, h)
                       \/ Retransmit(n, unacked[n])
    \/ \E n \in Node \ Correct : Crash(n) \/ Restart(n)
    \/ \E m \in network : \/ IF m.type = "Data" THEN OnData(m.to, m, network \ {m})
                                               ELSE OnAck(m.to, m, network \ {m})
                          \/ Drop(m)

LiveMCSpec == Init /\ [][LiveMCNext]_vars /\ Fairness
=============================================================================
