/**
 * Conform's one class inside TLC's value package, {@link tlc2.value.impl.FrozenSeqValue}: a
 * subclass of TLC's {@code Value} must live here to implement its package-private
 * {@code assignable}. Its Javadoc says why no other place works and what guards it.
 */
package tlc2.value.impl;
