package dev.conform.checker.tlc;

/** A request that cannot be run because an input is missing or wrong (bad input, not a TLC failure). */
public final class TlcInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TlcInputException(String message) {
        super(message);
    }
}
