-------------------------- MODULE MCLamportClocks --------------------------
(* The bounded model: three processes, three events each. *)
EXTENDS LamportClocks

MCProc == {1, 2, 3}
MCMaxEvents == 3
=============================================================================
