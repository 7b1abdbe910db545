------------------------------ MODULE KvStore ------------------------------
(***************************************************************************)
(* The key-value store Raft and Paxos replicate (impl: raft.kv), as        *)
(* TLA+ values, so that a trace spec can say what a client must have been  *)
(* answered: the store folded over a committed log prefix.                 *)
(*                                                                         *)
(* A log entry's value is a client command "client:seq:op" where op is     *)
(* "put K V", "get K", "cas K E N" (E = "-": K is absent) or "append K V" *)
(* (V concatenated to K's value, absent counting as empty).  The store     *)
(* keeps, besides its data, one session per client: the last sequence      *)
(* number applied and its result.  A command whose sequence number is not  *)
(* above the client's last one is a retry: not applied again.              *)
(*                                                                         *)
(* A result is a sequence of at most one string: <<>> stands for JSON null *)
(* (a put, a get of an absent key), <<"v">> for the string "v".            *)
(*                                                                         *)
(* KvCommand, reading a value's text, is the inverse of KvText below.  TLC *)
(* cannot enumerate strings, so conform-checker gives it a Java body       *)
(* (dev.conform.checker.tla.KvStoreOperators) with the implementation's    *)
(* own tokenizer (an op is split at runs of spaces).                       *)
(***************************************************************************)
EXTENDS Integers, Sequences, TLC

KvKinds == {"put", "get", "cas", "append", "bad", "invalid"}

\* A command: kind "bad" is an op the store cannot read (applied as a no-op with an error result);
\* "invalid" a value that is no client command at all (the implementation cannot apply it).
KvCommands == [client : Nat, seq : Nat, kind : KvKinds, key : STRING, val : STRING, exp : STRING,
               op : STRING]

KvOpText(c) ==
    CASE c.kind = "put" -> "put " \o c.key \o " " \o c.val
      [] c.kind = "get" -> "get " \o c.key
      [] c.kind = "cas" -> "cas " \o c.key \o " " \o c.exp \o " " \o c.val
      [] c.kind = "append" -> "append " \o c.key \o " " \o c.val
      [] OTHER          -> c.op

KvText(c) == ToString(c.client) \o ":" \o ToString(c.seq) \o ":" \o c.op

KvInvalid == [client |-> 0, seq |-> 0, kind |-> "invalid", key |-> "", val |-> "", exp |-> "", op |-> ""]

\* The command a log entry's value holds.
KvCommand(v) ==
    IF \E c \in KvCommands : c.kind # "invalid" /\ KvText(c) = v /\ (c.kind # "bad" => KvOpText(c) = c.op)
    THEN CHOOSE c \in KvCommands : c.kind # "invalid" /\ KvText(c) = v /\ (c.kind # "bad" => KvOpText(c) = c.op)
    ELSE KvInvalid

\* The empty store.
KvEmpty == [data |-> [k \in {} |-> ""], sess |-> [c \in {} |-> [seq |-> 0, res |-> <<>>]]]

Lookup(f, k) == IF k \in DOMAIN f THEN <<f[k]>> ELSE <<>>

Set(f, k, v) == [x \in DOMAIN f \cup {k} |-> IF x = k THEN v ELSE f[x]]

CasMatches(data, c) == IF c.exp = "-" THEN c.key \notin DOMAIN data ELSE Lookup(data, c.key) = <<c.exp>>

\* The result of executing command c on data.
KvResult(data, c) ==
    CASE c.kind \in {"put", "append"} -> <<>>
      [] c.kind = "get" -> Lookup(data, c.key)
      [] c.kind = "cas" -> <<IF CasMatches(data, c) THEN "true" ELSE "false">>
      [] OTHER          -> <<"error: not a key-value command: '" \o c.op \o "'">>

KvData(data, c) ==
    CASE c.kind = "put" -> Set(data, c.key, c.val)
      [] c.kind = "cas" -> IF CasMatches(data, c) THEN Set(data, c.key, c.val) ELSE data
      [] c.kind = "append" -> Set(data, c.key, IF c.key \in DOMAIN data THEN data[c.key] \o c.val ELSE c.val)
      [] OTHER          -> data

\* The store after applying the entry value v.
KvApply(st, v) ==
    LET c == KvCommand(v)
    IN IF c.kind = "invalid" \/ (c.client \in DOMAIN st.sess /\ c.seq <= st.sess[c.client].seq)
       THEN st
       ELSE [data |-> KvData(st.data, c),
             sess |-> Set(st.sess, c.client, [seq |-> c.seq, res |-> KvResult(st.data, c)])]

\* Client c's command seq was applied (it or a later one of c).
KvApplied(st, c, seq) == c \in DOMAIN st.sess /\ seq <= st.sess[c].seq

\* What the store answers for client c's command seq: its result when it is c's last one applied,
\* null otherwise (a retry overtaken by a later command).
KvAnswer(st, c, seq) == IF c \in DOMAIN st.sess /\ st.sess[c].seq = seq THEN st.sess[c].res ELSE <<>>

=============================================================================
