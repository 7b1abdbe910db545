/** What {@code conform --version} reports: conform's build record and the TLC it runs. */
package dev.conform.cli.version;
