package dev.conform.cli;

/** Bad input from the user: the message is printed as is, and the exit code is 2. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
