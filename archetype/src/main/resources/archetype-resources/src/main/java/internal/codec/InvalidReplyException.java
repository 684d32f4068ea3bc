package ${package}.internal.codec;

/** The meter answered something that is not what its API promises; the message says what is wrong. */
public final class InvalidReplyException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the answer */
    public InvalidReplyException(String message) {
        super(message);
    }
}
