package dev.conform.cli;

import picocli.CommandLine;

/** Bad options and arguments: one clear line on stderr, exit 2. */
final class UsageHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println("conform: " + ex.getMessage());
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        if (JsonError.asked(cl, args)) {
            JsonError.print(cl, ExitCodes.BAD_INPUT, ex.getMessage());
        }
        return ExitCodes.BAD_INPUT;
    }
}
