package dev.conform.cli.options;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses durations such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO {@code PT30S};
 * {@value #NONE} means no limit (null).
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    /** The word for no limit. */
    public static final String NONE = "none";

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        if (value.trim().equals(NONE)) {
            return null;
        }
        Matcher m = SIMPLE.matcher(value.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            if (d.isZero()) {
                throw new CommandLine.TypeConversionException("duration must be positive: " + value);
            }
            return d;
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative() || d.isZero()) {
                throw new CommandLine.TypeConversionException("duration must be positive: " + value);
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration (use e.g. 500ms, 30s, 5m, 1h, or none)");
        }
    }
}
