package dev.conform.checker.tlc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The TLC processes this JVM has started and not yet reaped. When the JVM is stopped (Ctrl-C,
 * SIGTERM from a CI runner cancelling a job) a shutdown hook kills them and their descendants,
 * so a cancelled {@code conform gate} leaves no TLC process burning the machine's cores. A
 * SIGKILL of this JVM runs no hook; nothing in the JVM can act on that.
 */
final class LiveProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LiveProcesses::killAll, "tlc-reaper"));
    }

    private LiveProcesses() {
    }

    /** Puts the hook in place; called before a TLC process is started, so none can exist without it. */
    static void install() {
        // the static initialiser did the work
    }

    static void add(Process p) {
        LIVE.add(p);
    }

    static void remove(Process p) {
        LIVE.remove(p);
    }

    private static void killAll() {
        for (Process p : LIVE) {
            kill(p.toHandle());
        }
        // A TLC process started a moment before the stop may not be registered yet: find it among
        // this JVM's children by its main class (other children, such as cluster nodes, stay).
        ProcessHandle.current().children()
                .filter(c -> c.info().commandLine().map(LiveProcesses::runsTlc).orElse(false))
                .forEach(LiveProcesses::kill);
    }

    /** A local check, a distributed server or a worker. */
    static boolean runsTlc(String commandLine) {
        return commandLine.contains(" tlc2.TLC ") || commandLine.contains(" tlc2.tool.distributed.TLC");
    }

    private static void kill(ProcessHandle p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
