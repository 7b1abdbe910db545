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
(*  - clients (Clients, possibly none) ask the coordinator for the outcome *)
(*    and record the answer;                                               *)
(*  - messages form a set: a message, once sent, can be received any       *)
(*    number of times (duplication, reordering) and, when Lossy = TRUE,    *)
(*    can be lost;                                                         *)
(*  - every handler takes a message m as a parameter (XOn(m)) and covers   *)
(*    every case the implementation handles, a no-op included, so that a   *)
(*    trace spec can feed it exactly the message delivered;                *)
(*  - two teaching flaws selected by Flaw.                                 *)
(* Action names are the names the implementation records in its traces.   *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Coord,          \* node id of the coordinator
    RM,             \* node ids of the resource managers
    Clients,        \* node ids of the clients (may be empty)
    MaxCrashes,     \* bound on crashes over the whole run, keeps the model finite
    CoordReturns,   \* FALSE: a crashed coordinator never comes back
    Cooperative,    \* cooperative termination: uncertain participants ask peers too
    Lossy,          \* the network may lose messages
    Flaw            \* "none", "COMMIT_BEFORE_ALL_VOTES" or "FORGET_VOTE_ON_RESTART"

Flaws == {"none", "COMMIT_BEFORE_ALL_VOTES", "FORGET_VOTE_ON_RESTART"}

ASSUME /\ Coord \notin RM \cup Clients
       /\ RM \cap Clients = {}
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
    clientOutcome, \* clientOutcome[c]: "none", or the outcome c was told
    msgs,       \* every message sent and not lost
    yesVotes,   \* history: participants that ever sent a yes vote
    crashes     \* number of crashes so far

vars == <<rmState, rmUp, tmState, tmPrepared, tmAcked, tmUp, clientOutcome, msgs, yesVotes, crashes>>

Decided == {"committed", "aborted"}

Messages ==
         [type : {"Prepare"}, from : {Coord}, to : RM]
    \cup [type : {"Vote"}, from : RM, to : {Coord}, yes : BOOLEAN]
    \cup [type : {"Decision"}, from : RM \cup {Coord}, to : RM, commit : BOOLEAN]
    \cup [type : {"Ack"}, from : RM, to : {Coord}]
    \cup [type : {"DecisionRequest"}, from : RM, to : RM \cup {Coord}]
    \cup [type : {"ClientRequest"}, from : Clients, to : {Coord}]
    \cup [type : {"ClientReply"}, from : {Coord}, to : Clients, commit : BOOLEAN]

PrepareMsg(r) == [type |-> "Prepare", from |-> Coord, to |-> r]
VoteMsg(r, y) == [type |-> "Vote", from |-> r, to |-> Coord, yes |-> y]
DecisionMsg(s, r, c) == [type |-> "Decision", from |-> s, to |-> r, commit |-> c]
AckMsg(r) == [type |-> "Ack", from |-> r, to |-> Coord]
RequestMsg(r, d) == [type |-> "DecisionRequest", from |-> r, to |-> d]
ClientRequestMsg(c) == [type |-> "ClientRequest", from |-> c, to |-> Coord]
ClientReplyMsg(c, x) == [type |-> "ClientReply", from |-> Coord, to |-> c, commit |-> x]

\* The coordinator's decision, addressed to the participants in S.
Announce(S, c) == {DecisionMsg(Coord, r, c) : r \in S}

\* A step sends the messages in S (all from the node taking the step).
Send(S) == msgs' = msgs \cup S

TypeOK ==
    /\ rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]
    /\ rmUp \in [RM -> BOOLEAN]
    /\ tmState \in {"init", "waiting", "committed", "aborted"}
    /\ tmPrepared \subseteq RM
    /\ tmAcked \subseteq RM
    /\ tmUp \in BOOLEAN
    /\ clientOutcome \in [Clients -> {"none", "committed", "aborted"}]
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
    /\ clientOutcome = [c \in Clients |-> "none"]
    /\ msgs = {}
    /\ yesVotes = {}
    /\ crashes = 0

-----------------------------------------------------------------------------
(* Coordinator                                                             *)

TMOther == <<rmState, rmUp, tmUp, clientOutcome, yesVotes, crashes>>

\* Persists "begun" and asks every participant to prepare.
TMPrepare ==
    /\ tmUp /\ tmState = "init"
    /\ tmState' = "waiting"
    /\ Send({PrepareMsg(r) : r \in RM})
    /\ UNCHANGED <<TMOther, tmPrepared, tmAcked>>

\* Handler of vote m: a yes vote counts while the coordinator waits; any other vote (a no vote,
\* a late or repeated one) changes nothing here (a no vote is followed by TMAbort).
TMOnVote(m) ==
    /\ tmUp
    /\ tmPrepared' = IF tmState = "waiting" /\ m.yes THEN tmPrepared \cup {m.from} ELSE tmPrepared
    /\ UNCHANGED <<TMOther, tmState, tmAcked, msgs>>

TMRcvVote(r) == \E m \in msgs : m.type = "Vote" /\ m.from = r /\ TMOnVote(m)

\* The flaw commits as soon as one yes vote is in.
CommitReady ==
    IF Flaw = "COMMIT_BEFORE_ALL_VOTES" THEN tmPrepared # {} ELSE tmPrepared = RM

\* Persists the decision, then announces it.
TMCommit ==
    /\ tmUp /\ tmState = "waiting" /\ CommitReady
    /\ tmState' = "committed"
    /\ Send(Announce(RM, TRUE))
    /\ UNCHANGED <<TMOther, tmPrepared, tmAcked>>

\* On a no vote or when the vote timer fires: the coordinator may abort at
\* any time before it has decided.
TMAbort ==
    /\ tmUp /\ tmState = "waiting"
    /\ tmState' = "aborted"
    /\ Send(Announce(RM, FALSE))
    /\ UNCHANGED <<TMOther, tmPrepared, tmAcked>>

\* Handler of ack m: counted once the coordinator has decided.
TMOnAck(m) ==
    /\ tmUp
    /\ tmAcked' = IF tmState \in Decided THEN tmAcked \cup {m.from} ELSE tmAcked
    /\ UNCHANGED <<TMOther, tmState, tmPrepared, msgs>>

TMRcvAck(r) == \E m \in msgs : m.type = "Ack" /\ m.from = r /\ TMOnAck(m)

\* Resend timer: the decision again to those that have not acknowledged.
TMResend ==
    /\ tmUp /\ tmState \in Decided /\ tmAcked # RM
    /\ Send(Announce(RM \ tmAcked, tmState = "committed"))
    /\ UNCHANGED <<TMOther, tmState, tmPrepared, tmAcked>>

\* Handler of a participant's request m: a decided coordinator answers; an undecided one stays
\* silent.
TMOnDecisionRequest(m) ==
    /\ tmUp
    /\ Send(IF tmState \in Decided THEN {DecisionMsg(Coord, m.from, tmState = "committed")} ELSE {})
    /\ UNCHANGED <<TMOther, tmState, tmPrepared, tmAcked>>

TMRcvDecisionRequest(r) ==
    \E m \in msgs : m.type = "DecisionRequest" /\ m.from = r /\ m.to = Coord /\ TMOnDecisionRequest(m)

\* Handler of a client's request m: as for a participant's, the outcome once decided.
TMOnClientRequest(m) ==
    /\ tmUp
    /\ Send(IF tmState \in Decided THEN {ClientReplyMsg(m.from, tmState = "committed")} ELSE {})
    /\ UNCHANGED <<TMOther, tmState, tmPrepared, tmAcked>>

TMRcvClientRequest(c) ==
    \E m \in msgs : m.type = "ClientRequest" /\ m.from = c /\ TMOnClientRequest(m)

TMCrash ==
    /\ tmUp /\ crashes < MaxCrashes
    /\ tmUp' = FALSE
    /\ tmPrepared' = {}
    /\ tmAcked' = {}
    /\ crashes' = crashes + 1
    /\ UNCHANGED <<rmState, rmUp, tmState, clientOutcome, msgs, yesVotes>>

\* Recovery from the log: a logged decision is announced again; a begun but
\* undecided transaction is aborted (the abort is logged and announced);
\* with nothing logged the coordinator starts afresh.
TMRestart ==
    /\ ~tmUp /\ CoordReturns
    /\ tmUp' = TRUE
    /\ tmState' = IF tmState = "waiting" THEN "aborted" ELSE tmState
    /\ Send(IF tmState = "init" THEN {} ELSE Announce(RM, tmState = "committed"))
    /\ UNCHANGED <<rmState, rmUp, tmPrepared, tmAcked, clientOutcome, yesVotes, crashes>>

-----------------------------------------------------------------------------
(* Participants                                                            *)

RMOther == <<rmUp, tmState, tmPrepared, tmAcked, tmUp, clientOutcome, crashes>>

\* Handler of Prepare m, voting yes: persists "prepared", then votes yes (again, for a repeated
\* Prepare; a committed participant, which did vote yes, says so again).
RMOnPrepareYes(r, m) ==
    /\ rmUp[r] /\ rmState[r] \in {"working", "prepared", "committed"}
    /\ rmState' = [rmState EXCEPT ![r] = IF @ = "working" THEN "prepared" ELSE @]
    /\ Send({VoteMsg(r, TRUE)})
    /\ yesVotes' = yesVotes \cup {r}
    /\ UNCHANGED RMOther

RMVoteYes(r) == PrepareMsg(r) \in msgs /\ RMOnPrepareYes(r, PrepareMsg(r))

\* Handler of Prepare m, voting no: persists "aborted", then votes no; an aborted participant
\* always votes no.
RMOnPrepareNo(r, m) ==
    /\ rmUp[r] /\ rmState[r] \in {"working", "aborted"}
    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
    /\ Send({VoteMsg(r, FALSE)})
    /\ UNCHANGED <<RMOther, yesVotes>>

RMVoteNo(r) == PrepareMsg(r) \in msgs /\ RMOnPrepareNo(r, PrepareMsg(r))

\* Unilateral abort before voting (prepare timer, or the workload says so).
RMAbort(r) ==
    /\ rmUp[r] /\ rmState[r] = "working"
    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
    /\ UNCHANGED <<RMOther, msgs, yesVotes>>

\* Handler of decision m, from the coordinator or, under cooperative termination, a peer.
\* An undecided participant adopts it; every receiver acknowledges.
RMOnDecision(r, m) ==
    /\ rmUp[r]
    /\ rmState' = [rmState EXCEPT ![r] =
                      IF @ \in Decided THEN @
                      ELSE IF m.commit THEN "committed" ELSE "aborted"]
    /\ Send({AckMsg(r)})
    /\ UNCHANGED <<RMOther, yesVotes>>

RMRcvDecision(r) == \E m \in msgs : m.type = "Decision" /\ m.to = r /\ RMOnDecision(r, m)

\* Ask timer of an uncertain participant.
RMAsk(r) ==
    /\ rmUp[r] /\ rmState[r] = "prepared"
    /\ Send({RequestMsg(r, Coord)} \cup (IF Cooperative THEN {RequestMsg(r, q) : q \in RM \ {r}} ELSE {}))
    /\ UNCHANGED <<RMOther, rmState, yesVotes>>

\* Cooperative termination, answering side, for request m of a peer: a peer that knows the
\* outcome tells it; a peer that has not voted aborts unilaterally and says abort; an uncertain
\* peer cannot help and stays silent.
RMOnDecisionRequest(r, m) ==
    /\ rmUp[r]
    /\ rmState' = [rmState EXCEPT ![r] = IF @ = "working" THEN "aborted" ELSE @]
    /\ Send(IF rmState'[r] = "prepared" THEN {} ELSE {DecisionMsg(r, m.from, rmState'[r] = "committed")})
    /\ UNCHANGED <<RMOther, yesVotes>>

RMRcvDecisionRequest(r) ==
    \E q \in RM \ {r} : RequestMsg(q, r) \in msgs /\ RMOnDecisionRequest(r, RequestMsg(q, r))

RMCrash(r) ==
    /\ rmUp[r] /\ crashes < MaxCrashes
    /\ rmUp' = [rmUp EXCEPT ![r] = FALSE]
    /\ crashes' = crashes + 1
    /\ UNCHANGED <<rmState, tmState, tmPrepared, tmAcked, tmUp, clientOutcome, msgs, yesVotes>>

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
    /\ UNCHANGED <<tmState, tmPrepared, tmAcked, tmUp, clientOutcome, msgs, yesVotes, crashes>>

-----------------------------------------------------------------------------
(* Clients                                                                 *)

ClientOther == <<rmState, rmUp, tmState, tmPrepared, tmAcked, tmUp, yesVotes, crashes>>

\* A client without an answer asks the coordinator for the outcome (at start, then on a timer).
ClientAsk(c) ==
    /\ clientOutcome[c] = "none"
    /\ Send({ClientRequestMsg(c)})
    /\ UNCHANGED <<ClientOther, clientOutcome>>

\* Handler of the coordinator's reply m: the client records the outcome it was told.
ClientOnReply(c, m) ==
    /\ clientOutcome' = [clientOutcome EXCEPT ![c] = IF m.commit THEN "committed" ELSE "aborted"]
    /\ UNCHANGED <<ClientOther, msgs>>

ClientRcvReply(c) == \E m \in msgs : m.type = "ClientReply" /\ m.to = c /\ ClientOnReply(c, m)

-----------------------------------------------------------------------------
(* Environment                                                             *)

LoseMsg ==
    /\ Lossy
    /\ \E m \in msgs : msgs' = msgs \ {m}
    /\ UNCHANGED <<rmState, rmUp, tmState, tmPrepared, tmAcked, tmUp, clientOutcome, yesVotes, crashes>>

-----------------------------------------------------------------------------

TMUpNext ==
    \/ TMPrepare
    \/ \E r \in RM : TMRcvVote(r)
    \/ TMCommit
    \/ TMAbort
    \/ \E r \in RM : TMRcvAck(r)
    \/ TMResend
    \/ \E r \in RM : TMRcvDecisionRequest(r)
    \/ \E c \in Clients : TMRcvClientRequest(c)

RMUpNext(r) ==
    \/ RMVoteYes(r)
    \/ RMVoteNo(r)
    \/ RMAbort(r)
    \/ RMRcvDecision(r)
    \/ RMAsk(r)
    \/ RMRcvDecisionRequest(r)

ClientNext(c) == ClientAsk(c) \/ ClientRcvReply(c)

Next ==
    \/ TMUpNext
    \/ TMCrash
    \/ TMRestart
    \/ \E r \in RM : RMUpNext(r) \/ RMCrash(r) \/ RMRestart(r)
    \/ \E c \in Clients : ClientNext(c)
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

\* What participants and clients report follows the coordinator's logged decision: a
\* participant reports commit only once the commit decision exists, and a client is told
\* exactly the decision.
ReportsFollowDecision ==
    /\ \A r \in RM : rmState[r] = "committed" => tmState = "committed"
    /\ \A c \in Clients : clientOutcome[c] \in {"none", tmState}

\* Liveness, the property 2PC does not have: every participant eventually decides.
EveryoneDecides == <>(\A r \in RM : rmState[r] \in Decided)

=============================================================================
