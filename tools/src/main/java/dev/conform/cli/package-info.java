/**
 * The {@code conform} command line: {@link dev.conform.cli.Main} registers one class per
 * subcommand ({@code check}, {@code gate}, ...); every command maps its outcome to
 * {@link dev.conform.cli.ExitCodes} and reports bad input as one line without a stack trace.
 */
package dev.conform.cli;
