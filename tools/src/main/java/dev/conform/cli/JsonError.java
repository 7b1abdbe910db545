package dev.conform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Under {@code --json}, stdout is always one JSON document, errors included: a script parsing it
 * never meets text. The error also goes to stderr as the usual one line.
 */
final class JsonError {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonError() {
    }

    /** True when the command line that ran (or failed to parse) asked for {@code --json}. */
    static boolean asked(CommandLine cl, String[] args) {
        CommandLine.ParseResult p = cl.getParseResult();
        boolean matched = p != null && cl.getCommandSpec().findOption("--json") != null && p.hasMatchedOption("--json");
        return matched || args != null && Arrays.asList(args).contains("--json");
    }

    /** Prints {@code {"status": ..., "exitCode": ..., "error": message}} on the command's stdout. */
    static void print(CommandLine cl, int exitCode, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", exitCode == ExitCodes.BAD_INPUT ? "bad_input" : "tool_failure");
        o.put("exitCode", exitCode);
        o.put("error", message);
        try {
            cl.getOut().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        cl.getOut().flush();
    }
}
