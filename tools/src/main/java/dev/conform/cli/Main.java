package dev.conform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code conform} command. Each subcommand lives in its own class and is
 * registered in {@link #commandLine()}.
 */
@Command(name = "conform",
        mixinStandardHelpOptions = true,
        subcommands = {CheckCommand.class, GateCommand.class, ExploreCommand.class, ValidateCommand.class,
            MutateCommand.class, ReportCommand.class, LinearizableCommand.class, ItfCommand.class,
            WorkerCommand.class, MbtCommand.class},
        versionProvider = Main.Version.class,
        description = "Pair distributed algorithms with TLA+ specs: model-check, run, validate traces, gate CI.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok / conforms",
            "  1  a violation was found / the trace does not conform",
            "  2  bad input or usage",
            "  3  tool failure or timeout"})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(new RunCommand());
        cl.addSubcommand(new ClusterCommand());
        cl.addSubcommand(new ScenarioCommand());
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setParameterExceptionHandler(new UsageHandler());
        return cl;
    }

    /** No command given: usage on stderr and exit 2, so a script calling bare {@code conform} fails. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    /** Prints the version of conform. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"conform " + (v == null ? "dev" : v)};
        }
    }
}
