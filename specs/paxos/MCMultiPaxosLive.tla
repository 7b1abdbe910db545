-------------------------- MODULE MCMultiPaxosLive --------------------------
(***************************************************************************)
(* Liveness of MultiPaxos: a client command is eventually chosen.          *)
(*                                                                         *)
(* With a stable leader (only servers in Leaders time out, each once) it   *)
(* holds (MCMultiPaxosLiveStable.cfg).  Without one it does not: two       *)
(* proposers whose election timers keep firing pre-empt each other's phase *)
(* 1 forever, each Prepare raising the promises above the other's ballot   *)
(* (MCMultiPaxosLive.cfg, a PROPERTY_VIOLATED recorded in expected.json).  *)
(*                                                                         *)
(* That livelock raises the ballots without end, so no ballot bound may    *)
(* cut it (a bound ends every duel with a winner).  Instead the model's    *)
(* VIEW identifies states that differ only by a shift of every live        *)
(* ballot by a multiple of N: NextBallot, ballot ownership and every       *)
(* comparison of ballots are invariant under such a shift, so the shifted  *)
(* states have the same futures, and the duel becomes a cycle TLC can      *)
(* show.  Messages with a ballot below every promise are left out of the   *)
(* view: no handler changes anything on them (an acceptor refuses them, a  *)
(* proposer of that ballot was deposed).  One command, one slot, no        *)
(* snapshots or crashes keep the accepted ballots irrelevant to the future *)
(* (every proposal is the same command) and the model small.               *)
(***************************************************************************)
EXTENDS MCMultiPaxos

CONSTANT Leaders    \* the servers whose election timer may fire

LiveStartBallot(i) ==
    /\ i \in Leaders
    /\ Leaders = Server \/ ballot[i] = 0      \* a proper subset: each times out once (stable)
    /\ MCStartBallot(i)

LiveNext ==
    \/ \E i \in Server : LiveStartBallot(i)
    \/ \E i \in Server, v \in Value : MCPropose(i, v)
    \/ \E i \in Server : MCApply(i)
    \/ \E m \in msgs : MCHandlePrepare(m)
    \/ \E m \in msgs : MCHandlePromise(m)
    \/ \E m \in msgs : MCHandleAccept(m)
    \/ \E m \in msgs : MCHandleAccepted(m)
    \/ \E m \in msgs : MCHandleDecide(m)

\* Every server keeps taking its steps; timers keep firing on servers that do not lead.
LiveSpec ==
    /\ MCInit /\ [][LiveNext]_mcVars
    /\ \A i \in Server : WF_mcVars(LiveStartBallot(i))
    /\ \A i \in Server, v \in Value : WF_mcVars(MCPropose(i, v))
    /\ WF_mcVars(\E m \in msgs : MCHandlePrepare(m))
    /\ WF_mcVars(\E m \in msgs : MCHandlePromise(m))
    /\ WF_mcVars(\E m \in msgs : MCHandleAccept(m))
    /\ WF_mcVars(\E m \in msgs : MCHandleAccepted(m))

\* Some client command is chosen.
CommandChosen == <>(\E i \in Server : \E s \in DOMAIN chosen[i] : chosen[i][s] \in Value)

----------------------------------------------------------------------------
(* The view: live ballots shifted down by a multiple of N. *)

MinPromised == CHOOSE p \in {promised[i] : i \in Server} : \A j \in Server : p <= promised[j]

Base == IF MinPromised = 0 THEN 0 ELSE N * ((MinPromised - 1) \div N)

Shift(b) == IF b >= Base THEN b - Base ELSE 0

Live(m) == ~("ballot" \in DOMAIN m) \/ m.ballot >= MinPromised

ShiftEntries(E) == {<<e[1], Shift(e[2]), e[3]>> : e \in E}

ShiftMsg(m) ==
    CASE m.mtype = "Promise" -> [m EXCEPT !.ballot = Shift(@), !.accepted = ShiftEntries(@)]
      [] "ballot" \in DOMAIN m -> [m EXCEPT !.ballot = Shift(@)]
      [] OTHER -> m

LiveView ==
    <<[i \in Server |-> Shift(ballot[i])],
      [i \in Server |-> Shift(promised[i])],
      [i \in Server |-> [s \in DOMAIN accepted[i] |-> <<Shift(accepted[i][s][1]), accepted[i][s][2]>>]],
      leader, preparing, chosen, applied,
      [i \in Server |-> {[p EXCEPT !.acc = ShiftEntries(@)] : p \in promises[i]}],
      votes, proposals, nextSlot, proposed,
      {ShiftMsg(m) : m \in {x \in msgs : Live(x)}}>>
=============================================================================
