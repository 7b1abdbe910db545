/*
 * TLA+ values as TLC prints them in counterexamples and messages: integers, strings, booleans,
 * model values, tuples/sequences, sets, records, functions and integer intervals. A state is
 * either a single "x = v" or a conjunction list "/\ x = v /\ y = w" (TLC's two layouts).
 */
grammar TlaValue;

valueOnly : value EOF ;

state : conjunct+ EOF
      | assignment EOF
      ;

conjunct : CONJ assignment ;

assignment : IDENT '=' value ;

value
    : lo=INT '..' hi=INT                      # interval
    | INT                                     # integer
    | STRING                                  # string
    | TRUE                                    # true
    | FALSE                                   # false
    | IDENT                                   # modelValue
    | '<<' (value (',' value)*)? '>>'         # tuple
    | '{' (value (',' value)*)? '}'           # set
    | '[' field (',' field)* ']'              # record
    | '(' mapping ('@@' mapping)* ')'         # function
    ;

// A record field is printed by its name as is; traces key records by node id, so a name may be digits.
field : name=(IDENT | TRUE | FALSE | INT) '|->' value ;

mapping : key=value ':>' val=value ;

CONJ   : '/\\' ;
TRUE   : 'TRUE' ;
FALSE  : 'FALSE' ;
INT    : '-'? [0-9]+ ;
IDENT  : [a-zA-Z_] [a-zA-Z0-9_]* ;
STRING : '"' ( '\\' . | ~["\\\r\n] )* '"' ;
WS     : [ \t\r\n]+ -> skip ;
