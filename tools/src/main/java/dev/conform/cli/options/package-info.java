/**
 * Options several {@code conform} commands share, each defined once as a picocli mixin (name,
 * description, converter, default) and added to a command with {@code @Mixin}. A command whose
 * default differs says so through {@link dev.conform.cli.options.OptionDefaults}.
 */
package dev.conform.cli.options;
