package dev.conform.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code conform completion bash|zsh}: the shell completion script picocli's {@link AutoComplete}
 * generates from the command model itself, so it knows every command and option there is. The
 * script serves both shells: under zsh it loads zsh's bashcompinit itself.
 */
@Command(name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a shell completion script for conform.",
            "bash: source <(conform completion bash)   (or save it under /etc/bash_completion.d/)",
            "zsh:  source <(conform completion zsh)"},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the script was printed", "  2  a shell other than bash or zsh"})
final class CompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new UserError("completion: unsupported shell '" + shell + "'; known: bash, zsh");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash("conform", spec.root().commandLine()));
        out.flush();
        return ExitCodes.OK;
    }
}
