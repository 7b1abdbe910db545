package dev.conform.runtime.prop;

/**
 * The result of checking a property.
 *
 * @param name        property name
 * @param trials      cases tried (up to and including the first failure)
 * @param failed      whether some case failed
 * @param caseSeed    seed that regenerates the failing case (0 when passed)
 * @param original    the failing case as generated, or null
 * @param minimal     the failing case after shrinking, or null
 * @param shrinkSteps accepted shrink steps
 * @param failure     why the minimal case fails ("returned false" or the exception), or null
 * @param <T>         the case type
 */
public record Outcome<T>(String name, int trials, boolean failed, long caseSeed, T original, T minimal,
                         int shrinkSteps, String failure) {
    /** A one-paragraph report for assertion messages. */
    public String describe() {
        if (!failed) {
            return name + ": passed " + trials + " cases";
        }
        return name + ": falsified after " + trials + " cases (case seed " + caseSeed + "), "
            + shrinkSteps + " shrink steps\n  minimal: " + minimal + "\n  because: " + failure
            + "\n  original: " + original;
    }
}
