/**
 * The TLC operator-override index class (its name and package are fixed by TLC). It only
 * lists the classes in {@code dev.conform.checker.tla} that carry the overrides.
 */
package tlc2.overrides;
