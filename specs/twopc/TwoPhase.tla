------------------------------ MODULE TwoPhase ------------------------------
(***************************************************************************)
(* Two-phase commit of one transaction, written for conform.               *)
(*                                                                         *)
(* Node Coord is the transaction manager (coordinator); the nodes in RM    *)
(* are the resource managers (participants).  Compared with the classic    *)
(* Gray-Lamport TwoPhase spec this one models what the Java               *)
(* implementation does:                                                    *)
(*  - the coordinator sends Prepare, participants answer with a yes or no  *)
(*    Vote, the coordinator decides, participants Ack the Decision;        *)
(*  - durable logs: rmState and tmState are what each node has persisted   *)
(*    (a participant persists its vote before sending it, the coordinator  *)
(*    persists the decision before announcing it); tmPrepared and tmAcked  *)
(*    are volatile and lost in a crash;                                    *)
(*  - crash and restart of every node, with the recovery rules of the      *)
(*    implementation, bounded by MaxCrashes crashes in total;              *)
(*  - an uncertain (prepared) participant asks the coordinator for the     *)
(*    decision, and with Cooperative = TRUE also its peers;                *)
(*  - messages form a set: a message, once sent, can be received any       *)
(*    number of times (duplication, reordering) and, when Lossy = TRUE,    *)
(*    can be lost;                                                         *)
(*  - two teaching flaws selected by Flaw.                                 *)
(* Action names are the names the implementation records in its traces.   *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Coord,          \* node id of the coordinator (1 in the implementation)
    RM,             \* node ids of the resource managers (2..n)
    MaxCrashes,     \* bound on crashes over the whole run, keeps the model finite
    CoordReturns,   \* FALSE: a crashed coordinator never comes back
    Cooperative,    \* cooperative termination: uncertain participants ask peers too
    Lossy,          \* the network may lose messages
    Flaw            \* "none", "COMMIT_BEFORE_ALL_VOTES" or "FORGET_VOTE_ON_RESTART"

Flaws == {"none", "COMMIT_BEFORE_ALL_VOTES", "FORGET_VOTE_ON_RESTART"}

ASSUME /\ Coord \notin RM
       /\ RM # {}
       /\ MaxCrashes \in Nat
       /\ CoordReturns \in BOOLEAN
       /\ Cooperative \in BOOLEAN
       /\ Lossy \in BOOLEAN
       /\ Flaw \in Flaws

VARIABLES
    rmState,    \* rmState[r]: "working", "prepared", "committed" or "aborted" (durable)
    rmUp,       \* rmUp[r]: FALSE while r is crashed
    tmState,    \* "init", "waiting" (begun, undecided), "committed", "aborted" (durable)
    tmPrepared, \* participants whose yes vote the coordinator has received (volatile)
    tmAcked,    \* participants that acknowledged the decision (volatile)
    tmUp,       \* FALSE while the coordinator is crashed
    msgs,       \* every message sent and not lost
    yesVotes,   \* history: participants that ever sent a yes vote
    crashes     \* number of crashes so far

vars == <<rmState, rmUp, tmState, tmPrepared, tmAcked, tmUp, msgs, yesVotes, crashes>>

Decided == {"committed", "aborted"}

Messages ==
         [type : {"Prepare"}, from : {Coord}, to : RM]
    \cup [type : {"Vote"}, from : RM, to : {Coord}, yes : BOOLEAN]
    \cup [type : {"Decision"}, from : RM \cup {Coord}, to : RM, commit : BOOLEAN]
    \cup [type : {"Ack"}, from : RM, to : {Coord}]
    \cup [type : {"DecisionRequest"}, from : RM, to : RM \cup {Coord}]

PrepareMsg(r) == [type |-> "Prepare", from |-> Coord, to |-> r]
VoteMsg(r, y) == [type |-> "Vote", from |-> r, to |-> Coord, yes |-> y]
DecisionMsg(s, r, c) == [type |-> "Decision", from |-> s, to |-> r, commit |-> c]
AckMsg(r) == [type |-> "Ack", from |-> r, to |-> Coord]
RequestMsg(r, d) == [type |-> "DecisionRequest", from |-> r, to |-> d]

\* The coordinator's decision, addressed to the participants in S.
Announce(S, c) == {DecisionMsg(Coord, r, c) : r \in S}

TypeOK ==
    /\ rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]
    /\ rmUp \in [RM -> BOOLEAN]
    /\ tmState \in {"init", "waiting", "committed", "aborted"}
    /\ tmPrepared \subseteq RM
    /\ tmAcked \subseteq RM
    /\ tmUp \in BOOLEAN
    /\ msgs \subseteq Messages
    /\ yesVotes \subseteq RM
    /\ crashes \in 0..MaxCrashes

Init ==
    /\ rmState = [r \in RM |-> "working"]
    /\ rmUp = [r \in RM |-> TRUE]
    /\ tmState = "init"
    /\ tmPrepared = {}
    /\ tmAcked = {}
    /\ tmUp = TRUE
    /\ msgs = {}
    /\ yesVotes = {}
    /\ crashes = 0

-----------------------------------------------------------------------------
(* Coordinator                                                             *)

\* Persists "begun" and asks every participant to prepare.
TMPrepare ==
    /\ tmUp /\ tmState = "init"
    /\ tmState' = "waiting"
    /\ msgs' = msgs \cup {PrepareMsg(r) : r \in RM}
    /\ UNCHANGED <<rmState, rmUp, tmPrepared, tmAcked, tmUp, yesVotes, crashes>>

TMRcvVote(r) ==
    /\ tmUp /\ tmState = "waiting"
    /\ VoteMsg(r, TRUE) \in msgs
    /\ tmPrepared' = tmPrepared \cup {r}
    /\ UNCHANGED <<rmState, rmUp, tmState, tmAcked, tmUp, msgs, yesVotes, crashes>>

\* The flaw commits as soon as one yes vote is in.
CommitReady ==
    IF Flaw = "COMMIT_BEFORE_ALL_VOTES" THEN tmPrepared # {} ELSE tmPrepared = RM

\* Persists the decision, then announces it.
TMCommit ==
    /\ tmUp /\ tmState = "waiting" /\ CommitReady
    /\ tmState' = "committed"
    /\ msgs' = msgs \cup Announce(RM, TRUE)
    /\ UNCHANGED <<rmState, rmUp, tmPrepared, tmAcked, tmUp, yesVotes, crashes>>

\* On a no vote or when the vote timer fires: the coordinator may abort at
\* any time before it has decided.
TMAbort ==
    /\ tmUp /\ tmState = "waiting"
    /\ tmState' = "aborted"
    /\ msgs' = msgs \cup Announce(RM, FALSE)
    /\ UNCHANGED <<rmState, rmUp, tmPrepared, tmAcked, tmUp, yesVotes, crashes>>

TMRcvAck(r) ==
    /\ tmUp /\ tmState \in Decided
    /\ AckMsg(r) \in msgs
    /\ tmAcked' = tmAcked \cup {r}
    /\ UNCHANGED <<rmState, rmUp, tmState, tmPrepared, tmUp, msgs, yesVotes, crashes>>

\* Resend timer: the decision again to those that have not acknowledged it.
TMResend ==
    /\ tmUp /\ tmState \in Decided /\ tmAcked # RM
    /\ msgs' = msgs \cup Announce(RM \ tmAcked, tmState = "committed")
    /\ UNCHANGED <<rmState, rmUp, tmState, tmPrepared, tmAcked, tmUp, yesVotes, crashes>>

\* A participant asks; an undecided coordinator stays silent.
TMRcvDecisionRequest(r) ==
    /\ tmUp /\ tmState \in Decided
    /\ RequestMsg(r, Coord) \in msgs
    /\ msgs' = msgs \cup {DecisionMsg(Coord, r, tmState = "committed")}
    /\ UNCHANGED <<rmState, rmUp, tmState, tmPrepared, tmAcked, tmUp, yesVotes, crashes>>

TMCrash ==
    /\ tmUp /\ crashes < MaxCrashes
    /\ tmUp' = FALSE
    /\ tmPrepared' = {}
    /\ tmAcked' = {}
    /\ crashes' = crashes + 1
    /\ UNCHANGED <<rmState, rmUp, tmState, msgs, yesVotes>>

\* Recovery from the log: a logged decision is announced again; a begun but
\* undecided transaction is aborted (the abort is logged and announced);
\* with nothing logged the coordinator starts afresh.
TMRestart ==
    /\ ~tmUp /\ CoordReturns
    /\ tmUp' = TRUE
    /\ tmState' = IF tmState = "waiting" THEN "aborted" ELSE tmState
    /\ msgs' = IF tmState = "init" THEN msgs
               ELSE msgs \cup Announce(RM, tmState = "committed")
    /\ UNCHANGED <<rmState, rmUp, tmPrepared, tmAcked, yesVotes, crashes>>

-----------------------------------------------------------------------------
(* Participants                                                            *)

\* Persists "prepared", then votes yes (again, for a repeated Prepare).
RMVoteYes(r) ==
    /\ rmUp[r] /\ rmState[r] \in {"working", "prepared"}
    /\ PrepareMsg(r) \in msgs
    /\ rmState' = [rmState EXCEPT ![r] = "prepared"]
    /\ msgs' = msgs \cup {VoteMsg(r, TRUE)}
    /\ yesVotes' = yesVotes \cup {r}
    /\ UNCHANGED <<rmUp, tmState, tmPrepared, tmAcked, tmUp, crashes>>

\* Persists "aborted", then votes no; an aborted participant always votes no.
RMVoteNo(r) ==
    /\ rmUp[r] /\ rmState[r] \in {"working", "aborted"}
    /\ PrepareMsg(r) \in msgs
    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
    /\ msgs' = msgs \cup {VoteMsg(r, FALSE)}
    /\ UNCHANGED <<rmUp, tmState, tmPrepared, tmAcked, tmUp, yesVotes, crashes>>

\* Unilateral abort before voting (prepare timer, or the workload says so).
RMAbort(r) ==
    /\ rmUp[r] /\ rmState[r] = "working"
    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
    /\ UNCHANGED <<rmUp, tmState, tmPrepared, tmAcked, tmUp, msgs, yesVotes, crashes>>

\* A decision from the coordinator or, under cooperative termination, a peer.
\* An undecided participant adopts it; every receiver acknowledges.
RMRcvDecision(r) ==
    /\ rmUp[r]
    /\ \E m \in msgs :
        /\ m.type = "Decision" /\ m.to = r
        /\ rmState' = [rmState EXCEPT ![r] =
                          IF @ \in Decided THEN @
                          ELSE IF m.commit THEN "committed" ELSE "aborted"]
    /\ msgs' = msgs \cup {AckMsg(r)}
    /\ UNCHANGED <<rmUp, tmState, tmPrepared, tmAcked, tmUp, yesVotes, crashes>>

\* Ask timer of an uncertain participant.
RMAsk(r) ==
    /\ rmUp[r] /\ rmState[r] = "prepared"
    /\ msgs' = msgs \cup {RequestMsg(r, Coord)}
                    \cup (IF Cooperative THEN {RequestMsg(r, q) : q \in RM \ {r}} ELSE {})
    /\ UNCHANGED <<rmState, rmUp, tmState, tmPrepared, tmAcked, tmUp, yesVotes, crashes>>

\* Cooperative termination, answering side: a peer that knows the outcome
\* tells it; a peer that has not voted aborts unilaterally and says abort; an
\* uncertain peer cannot help and stays silent.
RMRcvDecisionRequest(r) ==
    /\ rmUp[r] /\ rmState[r] # "prepared"
    /\ \E q \in RM \ {r} :
        /\ RequestMsg(q, r) \in msgs
        /\ rmState' = [rmState EXCEPT ![r] = IF @ = "working" THEN "aborted" ELSE @]
        /\ msgs' = msgs \cup {DecisionMsg(r, q, rmState'[r] = "committed")}
    /\ UNCHANGED <<rmUp, tmState, tmPrepared, tmAcked, tmUp, yesVotes, crashes>>

RMCrash(r) ==
    /\ rmUp[r] /\ crashes < MaxCrashes
    /\ rmUp' = [rmUp EXCEPT ![r] = FALSE]
    /\ crashes' = crashes + 1
    /\ UNCHANGED <<rmState, tmState, tmPrepared, tmAcked, tmUp, msgs, yesVotes>>

\* Recovery from the log: work in progress is lost, so a participant that had
\* not voted aborts; a prepared one stays uncertain (and will ask); a decided
\* one keeps its decision.  The flaw forgets the yes vote and presumes abort.
RMRestart(r) ==
    /\ ~rmUp[r]
    /\ rmUp' = [rmUp EXCEPT ![r] = TRUE]
    /\ rmState' = [rmState EXCEPT ![r] =
                      CASE @ = "working" -> "aborted"
                        [] @ = "prepared" ->
                              IF Flaw = "FORGET_VOTE_ON_RESTART" THEN "aborted" ELSE "prepared"
                        [] OTHER -> @]
    /\ UNCHANGED <<tmState, tmPrepared, tmAcked, tmUp, msgs, yesVotes, crashes>>

-----------------------------------------------------------------------------
(* Environment                                                             *)

LoseMsg ==
    /\ Lossy
    /\ \E m \in msgs : msgs' = msgs \ {m}
    /\ UNCHANGED <<rmState, rmUp, tmState, tmPrepared, tmAcked, tmUp, yesVotes, crashes>>

-----------------------------------------------------------------------------

TMUpNext ==
    \/ TMPrepare
    \/ \E r \in RM : TMRcvVote(r)
    \/ TMCommit
    \/ TMAbort
    \/ \E r \in RM : TMRcvAck(r)
    \/ TMResend
    \/ \E r \in RM : TMRcvDecisionRequest(r)

RMUpNext(r) ==
    \/ RMVoteYes(r)
    \/ RMVoteNo(r)
    \/ RMAbort(r)
    \/ RMRcvDecision(r)
    \/ RMAsk(r)
    \/ RMRcvDecisionRequest(r)

Next ==
    \/ TMUpNext
    \/ TMCrash
    \/ TMRestart
    \/ \E r \in RM : RMUpNext(r) \/ RMCrash(r) \/ RMRestart(r)
    \/ LoseMsg

Spec == Init /\ [][Next]_vars

\* Running nodes keep taking steps and crashed nodes come back (the
\* coordinator only when CoordReturns); crashes and losses are never forced.
Fairness ==
    /\ WF_vars(TMUpNext)
    /\ WF_vars(TMRestart)
    /\ \A r \in RM : WF_vars(RMUpNext(r)) /\ WF_vars(RMRestart(r))

FairSpec == Spec /\ Fairness

-----------------------------------------------------------------------------
(* Properties                                                              *)

\* No participant commits while another participant or the coordinator has
\* aborted, and no participant aborts once the coordinator has committed.
Consistency ==
    /\ \A r1, r2 \in RM : ~(rmState[r1] = "committed" /\ rmState[r2] = "aborted")
    /\ \A r \in RM : ~(tmState = "committed" /\ rmState[r] = "aborted")
    /\ \A r \in RM : ~(tmState = "aborted" /\ rmState[r] = "committed")

\* Commit only if every participant voted yes.
CommitValidity ==
    (tmState = "committed" \/ \E r \in RM : rmState[r] = "committed") => yesVotes = RM

\* Liveness, the property 2PC does not have: every participant eventually decides.
EveryoneDecides == <>(\A r \in RM : rmState[r] \in Decided)

=============================================================================
