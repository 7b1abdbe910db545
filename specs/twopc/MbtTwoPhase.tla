---------------------------- MODULE MbtTwoPhase -----------------------------
(***************************************************************************)
(* Behaviours of TwoPhase for model-based tests (conform mbt twopc): TLC    *)
(* simulates this module and the implementation is driven through each     *)
(* behaviour step by step.  Two additions to TwoPhase, nothing removed:    *)
(*  - every state names the step that led to it (mbtStep: the action, the  *)
(*    node taking it and the message it consumed), so that the driver      *)
(*    knows which message to deliver, which timer to fire, whom to crash;  *)
(*  - schedules are limited to those the implementation can be asked for. *)
(*    Its coordinator begins the transaction as it starts (TMPrepare is    *)
(*    the first step), and a handler is atomic: the coordinator decides in *)
(*    the handler of the vote that makes the decision (a no vote, or the   *)
(*    last yes vote), and a participant restarting uncertain asks at once. *)
(*    mbtOwed holds that second action, which is then the next step;       *)
(*  - mbtOptions: the model's constants the implementation is run with.    *)
(* Every step here is a step of TwoPhase's Next; the only behaviours left  *)
(* out are those splitting one handler of the implementation in two.     *)
(* Clients are not driven (Clients must be empty).                         *)
(***************************************************************************)
EXTENDS TwoPhase

VARIABLES mbtStep, mbtOwed, mbtOptions

ASSUME Clients = {}

NoMsg == [type |-> "none"]
NoOwed == [action |-> "none", node |-> Coord]

Label(a, n, m) == mbtStep' = [action |-> a, node |-> n, msg |-> m] /\ UNCHANGED mbtOptions

Free(a, n, m) == Label(a, n, m) /\ mbtOwed' = NoOwed

\* What the coordinator decides in the handler of vote m, once it has counted it.
OwedAfterVote(m) ==
    IF tmState # "waiting" THEN "none"
    ELSE IF ~m.yes THEN "TMAbort"
    ELSE IF CommitReady' THEN "TMCommit"
    ELSE "none"

MbtInit ==
    /\ Init
    /\ mbtStep = [action |-> "Init", node |-> Coord, msg |-> NoMsg]
    /\ mbtOwed = NoOwed
    /\ mbtOptions = [cooperative |-> Cooperative, flaw |-> Flaw]

OwedStep ==
    /\ CASE mbtOwed.action = "TMCommit" -> TMCommit
         [] mbtOwed.action = "TMAbort" -> TMAbort
         [] mbtOwed.action = "RMAsk" -> RMAsk(mbtOwed.node)
    /\ Free(mbtOwed.action, mbtOwed.node, NoMsg)

CoordStep ==
    \/ \E m \in msgs : /\ m.type = "Vote" /\ TMOnVote(m)
                       /\ Label("TMRcvVote", Coord, m)
                       /\ mbtOwed' = [action |-> OwedAfterVote(m), node |-> Coord]
    \/ TMAbort /\ Free("TMAbort", Coord, NoMsg)
    \/ \E m \in msgs : m.type = "Ack" /\ TMOnAck(m) /\ Free("TMRcvAck", Coord, m)
    \/ TMResend /\ Free("TMResend", Coord, NoMsg)
    \/ \E m \in msgs : /\ m.type = "DecisionRequest" /\ m.to = Coord /\ TMOnDecisionRequest(m)
                       /\ Free("TMRcvDecisionRequest", Coord, m)
    \/ TMCrash /\ Free("TMCrash", Coord, NoMsg)
    \/ TMRestart /\ Free("TMRestart", Coord, NoMsg)

RMStep(r) ==
    \/ RMVoteYes(r) /\ Free("RMVoteYes", r, PrepareMsg(r))
    \/ RMVoteNo(r) /\ Free("RMVoteNo", r, PrepareMsg(r))
    \/ RMAbort(r) /\ Free("RMAbort", r, NoMsg)
    \/ \E m \in msgs : m.type = "Decision" /\ m.to = r /\ RMOnDecision(r, m) /\ Free("RMRcvDecision", r, m)
    \/ RMAsk(r) /\ Free("RMAsk", r, NoMsg)
    \/ \E q \in RM \ {r} : /\ RequestMsg(q, r) \in msgs /\ RMOnDecisionRequest(r, RequestMsg(q, r))
                           /\ Free("RMRcvDecisionRequest", r, RequestMsg(q, r))
    \/ RMCrash(r) /\ Free("RMCrash", r, NoMsg)
    \/ /\ RMRestart(r)
       /\ Label("RMRestart", r, NoMsg)
       /\ mbtOwed' = IF rmState'[r] = "prepared" THEN [action |-> "RMAsk", node |-> r] ELSE NoOwed

\* LoseMsg, naming the message lost.
LoseStep ==
    /\ Lossy
    /\ \E m \in msgs : /\ msgs' = msgs \ {m}
                       /\ Free("LoseMsg", Coord, m)
    /\ UNCHANGED <<rmState, rmUp, tmState, tmPrepared, tmAcked, tmUp, clientOutcome, yesVotes, crashes>>

MbtNext ==
    IF mbtOwed.action # "none" THEN OwedStep
    ELSE IF tmState = "init" THEN TMPrepare /\ Free("TMPrepare", Coord, NoMsg)
    ELSE CoordStep \/ (\E r \in RM : RMStep(r)) \/ LoseStep

MbtSpec == MbtInit /\ [][MbtNext]_<<vars, mbtStep, mbtOwed, mbtOptions>>
=============================================================================
