package dev.conform.checker.tlc;

/**
 * One framed message of TLC's {@code -tool} output.
 *
 * @param code TLC's message code (tlc2.output.EC), e.g. 2110 for an invariant violation
 * @param type TLC's message class: 0 info, 1 error, 2 TLC bug, 3 warning, 4 state
 * @param text the message body without nested messages, trailing newlines removed
 * @param depth 0 for a top-level message, 1 for a message nested in another, and so on
 */
public record TlcMessage(int code, int type, String text, int depth) {
    public static final int INFO = 0;
    public static final int ERROR = 1;
    public static final int TLC_BUG = 2;
    public static final int WARNING = 3;
    public static final int STATE = 4;
}
