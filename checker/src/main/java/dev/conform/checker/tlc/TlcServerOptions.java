package dev.conform.checker.tlc;

/**
 * How to run TLC's distributed server ({@code tlc2.tool.distributed.TLCServer}) instead of a
 * local model check. Workers ({@code tlc2.tool.distributed.TLCWorker}) on any machine join it
 * over Java RMI at {@code host:port}.
 *
 * @param port the RMI registry port TLC listens on (TLC reads it from a system property; its
 *        default is {@value #DEFAULT_PORT}); must be fixed because workers must be told it
 * @param hostname the name workers reach this machine by, sent in RMI stubs
 *        ({@code java.rmi.server.hostname}); null for the JVM's own guess
 * @param workersExpected how many worker registrations to wait for in the progress line and
 *        to warn about when fewer joined; 0 for no expectation
 */
public record TlcServerOptions(int port, String hostname, int workersExpected) {
    /** TLC's own default registry port. */
    public static final int DEFAULT_PORT = 10997;
    /** The system property TLCServer and TLCWorker read the registry port from. */
    static final String PORT_PROPERTY = "tlc2.tool.distributed.TLCServer.port";
    /** Milliseconds between TLCServer's progress reports, and the delay before it notices the end. */
    static final String REPORT_PROPERTY = "tlc2.tool.distributed.TLCServer.report";
    /** Worker threads per TLCWorker JVM (TLC's default: one per core). */
    static final String THREADS_PROPERTY = "tlc2.tool.distributed.TLCWorker.threadCount";

    public TlcServerOptions {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535, got " + port);
        }
        if (workersExpected < 0) {
            throw new IllegalArgumentException("workersExpected must be >= 0, got " + workersExpected);
        }
    }

    /**
     * Java 17 hides the RMI internals TLC reads a worker's port from ("VM does not allow to get
     * the UnicastRef port"): open them so workers are told apart in TLC's output.
     */
    static java.util.List<String> rmiOpens() {
        return java.util.List.of("--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.transport=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.server=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED");
    }
}
