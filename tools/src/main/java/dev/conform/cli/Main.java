package dev.conform.cli;

import dev.conform.cli.version.BuildInfo;
import dev.conform.cli.version.TlcVersion;
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
            WorkerCommand.class, MbtCommand.class, GateMergeCommand.class},
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
        cl.addSubcommand(new CompletionCommand());
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setParameterExceptionHandler(new UsageHandler());
        // Every subcommand's -V prints what `conform --version` prints.
        shareVersion(cl, new Version());
        return cl;
    }

    /** No command given: usage on stderr and exit 2, so a script calling bare {@code conform} fails. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    private static void shareVersion(CommandLine cl, CommandLine.IVersionProvider version) {
        cl.getCommandSpec().versionProvider(version);
        cl.getSubcommands().values().forEach(sub -> shareVersion(sub, version));
    }

    /** conform's version and commit (recorded at build time) and the version of the TLC it runs. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo b = BuildInfo.current();
            return new String[] {"conform " + b.version() + " (commit " + b.commit() + ")", TlcVersion.describe(),
                "Java " + System.getProperty("java.version")};
        }
    }
}
