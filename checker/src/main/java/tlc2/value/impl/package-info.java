/**
 * Values added to TLC's own value package: a subclass of TLC's {@code Value} must live here to
 * implement its package-private {@code assignable}. Only {@link tlc2.value.impl.FrozenSeqValue}.
 */
package tlc2.value.impl;
