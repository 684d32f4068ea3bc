package org.bemgate.lemdcbm.internal.codec;

/** A meter's answer that does not have the shape the API documents; the message says what is wrong. */
public final class InvalidReplyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, such as {@code 'power' is not a number} */
    public InvalidReplyException(String message) {
        super(message);
    }
}
