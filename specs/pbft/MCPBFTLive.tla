---------------------------- MODULE MCPBFTLive ------------------------------
(***************************************************************************)
(* Liveness of PBFT: every client request is eventually accepted by its   *)
(* client, i.e. f+1 matching replies from distinct replicas exist (the     *)
(* client is implicit in the model: Accepted is what it may accept).       *)
(*                                                                         *)
(* The Byzantine replicas are silent here (a crashed replica is one way to *)
(* be Byzantine): the cfg replaces ByzInit, ByzViewChanges and ByzNewViews *)
(* by the empty sets below.  A Byzantine replica that acts would need      *)
(* unbounded seqs to be outlived (a primary may fill every seq with null   *)
(* requests), which this bounded model does not give.                     *)
(*                                                                         *)
(* Timers: a replica's request timer runs while some request it knows of  *)
(* is not executed; it fires (TimerExpires) into the next view, and so    *)
(* does the view-change timer of a replica that waits for a NewView.  A   *)
(* replica also joins a view change that f+1 others started              *)
(* (JoinViewChange, the paper's rule).  The honest replicas' actions are  *)
(* weakly fair, timers and joins too (LiveSpec).                          *)
(*                                                                         *)
(* Expected failures (PROPERTY_VIOLATED, expected.json): timers that need *)
(* not fire leave a silent primary in charge for ever (NoTimerSpec,       *)
(* MCPBFTLiveNoTimer.cfg); without the join rule a replica that executed  *)
(* the request stays in its view, and the view change the others started *)
(* never gets 2f+1 ViewChanges (NoJoinSpec, MCPBFTLiveNoJoin.cfg).        *)
(***************************************************************************)
EXTENDS MCPBFT

\* Silent Byzantine replicas: they sign nothing.
SilentByzInit == {}
SilentByzViewChanges(v) == {}
SilentByzNewViews == {}

\* Some request (every one is sent from the start) is not executed here: the timer runs.
Pending(i) == \E r \in Requests : r \notin Range(exec[i])

TimerExpires(i) == Pending(i) /\ StartViewChange(i)

\* The paper's rule against falling behind: ViewChanges for views above the own from f+1 other
\* replicas (one of them honest) make a replica join the view change at once, timer or not (a
\* replica that executed every request has no timer running).
JoinViewChange(i) ==
    /\ Cardinality({j \in Replica \ {i} :
                      \E m \in msgs : m.type = "ViewChange" /\ m.view > view[i] /\ m.replica = j}) > F
    /\ StartViewChange(i)

LiveNext ==
    \E i \in Honest :
        \/ \E r \in Requests : ReceiveRequest(i, r)
        \/ \E m \in msgs : HandlePrePrepare(i, m)
        \/ \E n \in Seqs : HandlePrepare(i, n) \/ HandleCommit(i, n) \/ HandleCheckpoint(i, n)
        \/ Execute(i)
        \/ TimerExpires(i)
        \/ JoinViewChange(i)
        \/ SendNewView(i)
        \/ \E m \in NewViews : HandleNewView(i, m)

\* Every honest replica keeps taking each kind of step it can take.
HonestFair(i) ==
    /\ WF_vars(\E r \in Requests : ReceiveRequest(i, r))
    /\ WF_vars(\E m \in msgs : HandlePrePrepare(i, m))
    /\ WF_vars(\E n \in Seqs : HandlePrepare(i, n))
    /\ WF_vars(\E n \in Seqs : HandleCommit(i, n))
    /\ WF_vars(\E n \in Seqs : HandleCheckpoint(i, n))
    /\ WF_vars(Execute(i))
    /\ WF_vars(SendNewView(i))
    /\ WF_vars(\E m \in NewViews : HandleNewView(i, m))

LiveSpec ==
    Init /\ [][LiveNext]_vars
    /\ \A i \in Honest : HonestFair(i) /\ WF_vars(TimerExpires(i)) /\ WF_vars(JoinViewChange(i))

\* The timers may never fire (no view change): the replicas are otherwise fair.
NoTimerSpec == Init /\ [][LiveNext]_vars /\ \A i \in Honest : HonestFair(i) /\ WF_vars(JoinViewChange(i))

\* Replicas need not join a view change that f+1 others started.
NoJoinSpec == Init /\ [][LiveNext]_vars /\ \A i \in Honest : HonestFair(i) /\ WF_vars(TimerExpires(i))

\* Every request is eventually accepted by its client with f+1 matching replies.
RequestCompletes == \A r \in Requests : <>(\E res \in ResultsFor(r) : Accepted(r, res))
=============================================================================
