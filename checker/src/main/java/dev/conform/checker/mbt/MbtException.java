package dev.conform.checker.mbt;

/** A model-based test could not be run (not a mismatch): unreadable behaviours, a spec without step labels. */
public class MbtException extends RuntimeException {
    public MbtException(String message) {
        super(message);
    }
}
