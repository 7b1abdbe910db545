-------------------------- MODULE MCLamportClocks --------------------------
(* The bounded model: three processes, two events each. *)
EXTENDS LamportClocks

MCProc == {1, 2, 3}
MCMaxEvents == 2
=============================================================================
