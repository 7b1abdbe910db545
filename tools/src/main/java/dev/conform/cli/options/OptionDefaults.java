package dev.conform.cli.options;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's own defaults for shared options. A mixin defines an option once, with the default
 * most commands want; a command whose default differs (the gate's 10 minute limit per check)
 * implements this interface and names {@link Provider} as its default value provider, so its
 * help shows its own default through the mixin's {@code ${DEFAULT-VALUE}}.
 */
public interface OptionDefaults {
    /** Default values by option name, as they would be typed (e.g. {@code "--timeout" -> "10m"}). */
    Map<String, String> optionDefaults();

    /** Reads {@link #optionDefaults()} of the command an option belongs to. */
    final class Provider implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec arg) {
            if (arg instanceof OptionSpec o && arg.command() != null
                    && arg.command().userObject() instanceof OptionDefaults d) {
                return d.optionDefaults().get(o.longestName());
            }
            return null;
        }
    }
}
