package dev.conform.tracing.io;

/** Field names on the wire, shared by the writer and the reader (docs/trace-format.md). */
final class Wire {
    static final String TYPE = "type";
    static final String HEADER = "header";
    static final String SCHEMA = "schema";
    static final String ALGORITHM = "algorithm";
    static final String NODES = "nodes";
    static final String SEED = "seed";
    static final String PLAN = "plan";
    static final String PRODUCER = "producer";
    static final String PARAMS = "params";
    static final String ROLES = "roles";

    static final String SEQ = "seq";
    static final String NODE = "node";
    static final String KIND = "kind";
    static final String ACTION = "action";
    static final String MSG = "msg";
    static final String STATE = "state";
    static final String LAMPORT = "lamport";
    static final String VC = "vc";

    static final String ID = "id";
    static final String FROM = "from";
    static final String TO = "to";
    static final String MTYPE = "type";
    static final String BODY = "body";

    private Wire() {
    }
}
