package dev.conform.checker.tlc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The structured outcome of one TLC run.
 *
 * @param verdict what happened; only {@link Verdict#OK} is a pass
 * @param violatedName the invariant or property that failed (null when TLC does not name it,
 *        e.g. a temporal violation with several properties configured)
 * @param message one line explaining a non-OK verdict (null when OK)
 * @param location position of a parse, semantic or assumption error, else null
 * @param missingModule the module SANY could not find, else null
 * @param statistics TLC's final statistics (fields null when not reported)
 * @param duration wall-clock time of the subprocess
 * @param tlcVersion TLC's version line (message 2262), e.g. "TLC2 Version 2.18 of 20 March 2023"
 * @param commandLine the exact command that was run
 * @param exitCode TLC's exit code, null when the process was killed
 * @param counterexample the behaviour TLC printed, null when none
 * @param messages all framed messages, in start order
 * @param rawOutput everything TLC printed (stdout and stderr), verbatim
 * @param tla2toolsJar the jar that ran
 */
public record TlcResult(Verdict verdict, String violatedName, String message, SourceLocation location,
        String missingModule, TlcStatistics statistics, Duration duration, String tlcVersion,
        List<String> commandLine, Integer exitCode, Counterexample counterexample, List<TlcMessage> messages,
        String rawOutput, Path tla2toolsJar) {

    public TlcResult {
        commandLine = List.copyOf(commandLine);
        messages = List.copyOf(messages);
    }

    public boolean isOk() {
        return verdict == Verdict.OK;
    }

    /** The command line as one shell-pasteable string. */
    public String commandLineString() {
        StringBuilder b = new StringBuilder();
        for (String arg : commandLine) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(arg.matches("[A-Za-z0-9_./:=+,@-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }
}
