-------------------------- MODULE MCLamportClocks --------------------------
(***************************************************************************)
(* The bounded model: three processes, MCMaxEvents events of their own     *)
(* each and at most MCMaxReceives receive each.                            *)
(*                                                                         *)
(* MCSpec leaves out Drop, Crash, Restart and duplicates: every history    *)
(* they allow is also reached without them (a dropped message is one      *)
(* never received; the state is durable, so a crash only pauses a         *)
(* process; with one receive per process a duplicate is never received    *)
(* twice), and the invariants read only the history and the clocks.  Spec  *)
(* keeps them for the trace spec, which replays recorded drops,            *)
(* duplicates, crashes and restarts.                                       *)
(***************************************************************************)
EXTENDS LamportClocks, TLC

CONSTANTS n1, n2, n3

MCProc == {n1, n2, n3}
MCMaxEvents == 2
MCMaxReceives == 1

\* Processes are interchangeable.
Symmetry == Permutations(MCProc)

Bounded == \A p \in Proc : past[p][p] <= MaxEvents + MCMaxReceives

MCNext ==
    \/ \E p \in Proc : Local(p)
    \/ \E p, q \in Proc : Send(p, q)
    \/ \E m \in network : OnReceive(m.to, m) /\ network' = network \ {m}

MCSpec == Init /\ [][MCNext]_vars
=============================================================================
