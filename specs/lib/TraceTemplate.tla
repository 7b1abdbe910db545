---------------------------- MODULE TraceTemplate ----------------------------
(***************************************************************************)
(* TEMPLATE of a trace spec.  Copy it to specs/<algo>/Trace<Algo>.tla,     *)
(* rename the module, replace YourAlgo/Act/... and delete what you do not  *)
(* need.  A complete, tested example on TraceNet: specs/pingcounter/       *)
(* TracePingCounter.tla (+ .cfg).  It is not meant to be run               *)
(* as is: YourAlgo does not exist.                                         *)
(*                                                                         *)
(* The rules the validator relies on:                                      *)
(*  1. EXTENDS your algorithm spec and TraceValidation (which declares the *)
(*     step counter l and reads the trace through TraceInput).            *)
(*  2. TraceInit = TraceStart /\ <your Init> (l = 1).                      *)
(*  3. TraceNext = TraceRemaining /\ (\/ IsA(CurrentEvent) \/ ...).        *)
(*  4. Every IsX(e) conjoins TraceStep: each step consumes exactly ONE    *)
(*     event.  (Events the spec does not model: an IsSkip(e) that only    *)
(*     checks e.kind and does UNCHANGED vars /\ TraceStep.)               *)
(*  5. Each IsX has one parameter and is written as a top-level /\ list,  *)
(*     one bullet per line: when a trace diverges, the validator reports  *)
(*     for every IsX which bullet was the first to fail.  Put cheap        *)
(*     guards on the event first (kind, action, node), then the spec       *)
(*     action, then the checks of the recorded state against primed vars.  *)
(*  6. The .cfg gives CONSTANTS, INIT TraceInit, NEXT TraceNext and may    *)
(*     list INVARIANTs of the algorithm to check along the trace.  The    *)
(*     validator adds the end-marker CONSTRAINT itself and turns off       *)
(*     deadlock checking.  Do not use SYMMETRY or VIEW.  By hand: add      *)
(*     CONSTRAINT TraceEndMarker; the trace conforms when TLC prints       *)
(*     <<"conform-end", N+1>> AND reports search depth N+1 (N events).     *)
(*  7. Nondeterminism the trace does not resolve is fine: TLC keeps every  *)
(*     candidate state; the trace conforms if one path matches it all.    *)
(*  8. Long traces: keep each step's cost independent of the trace length  *)
(*     (nothing in the state that only grows; no scans of TraceLog).  See *)
(*     TraceIndex.tla (indexes over TraceAhead, the events from the       *)
(*     segment on), TraceSeq.tla (logs that only grow) and                 *)
(*     specs/raft/TraceRaft.tla (bounded network, LogMatching).            *)
(***************************************************************************)
EXTENDS YourAlgo, TraceValidation

(* Events look like (see docs/trace-format.md):                            *)
(*  [seq |-> 7, node |-> 2, kind |-> "deliver",                            *)
(*   msg |-> [id |-> 5, from |-> 1, to |-> 2, type |-> "Req",              *)
(*            body |-> [term |-> 3]],                                      *)
(*   state |-> [currentTerm |-> 3, ...], lamport |-> 9, vc |-> [...]]      *)
(* Fields that were null are absent: use Has(e, "msg") / Get(e, "f", d).   *)

\* A spec action recorded by the implementation with ctx.action("Act", state).
IsAct(e) ==
    /\ IsAction(e, "Act")
    /\ Act(e.node)                                    \* the spec action itself
    /\ someVar'[e.node] = e.state.someField           \* recorded state = spec state
    /\ TraceStep

\* A message delivery: the message must be one the spec has in flight.
IsDeliverReq(e) ==
    /\ IsKind(e, "deliver")
    /\ e.msg.type = "Req"
    /\ HandleReq(e.msg.to, [mtype |-> "Req", msource |-> e.msg.from,
                            mdest |-> e.msg.to, mterm |-> e.msg.body.term])
    /\ TraceStep

\* Runtime events the spec does not model (timers, faults) only advance l.
IsSkip(e) ==
    /\ e.kind \in {"timer", "fault"}
    /\ UNCHANGED vars
    /\ TraceStep

TraceInit == TraceStart /\ Init

TraceNext == /\ TraceRemaining
             /\ \/ IsAct(CurrentEvent)
                \/ IsDeliverReq(CurrentEvent)
                \/ IsSkip(CurrentEvent)

TraceSpec == TraceInit /\ [][TraceNext]_<<vars, l>>

(* Trace<Algo>.cfg:
CONSTANTS
    Server = {1, 2, 3}
INIT TraceInit
NEXT TraceNext
INVARIANT TypeOK
*)
=============================================================================
