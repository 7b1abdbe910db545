--------------------------- MODULE OverrideProbe ---------------------------
\* Passes only when TraceLog/TraceHeader hold the probe trace's real content.
EXTENDS Integers, Sequences, TraceInput
ASSUME /\ Len(TraceLog) = 3
       /\ TraceLog[2].node = 2
       /\ TraceLog[2].state.list = <<1, -2, 2147483647>>
       /\ TraceLog[3].state.flag = TRUE
       /\ ~("action" \in DOMAIN TraceLog[1])
       /\ TraceLog[1].msg.body.text = "say \"hi\""
       /\ TraceHeader.algorithm = "probe"
       /\ TraceOffset = 0
VARIABLE x
Init == x = 0
Next == UNCHANGED x
=============================================================================
