package dev.conform.cli;

import picocli.CommandLine;

/**
 * Exceptions escaping a command. {@link UserError}s are bad input (exit 2, one line); anything
 * else is a tool failure (exit 3) and never a pass.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean json = JsonError.asked(cl, null);
        if (ex instanceof UserError) {
            cl.getErr().println("conform: " + ex.getMessage());
            if (json) {
                JsonError.print(cl, ExitCodes.BAD_INPUT, ex.getMessage());
            }
            return ExitCodes.BAD_INPUT;
        }
        cl.getErr().println("conform: internal failure: " + ex);
        if (json) {
            JsonError.print(cl, ExitCodes.TOOL_FAILURE, "internal failure: " + ex);
        }
        if (System.getenv("CONFORM_DEBUG") != null) {
            ex.printStackTrace(cl.getErr());
        }
        return ExitCodes.TOOL_FAILURE;
    }
}
