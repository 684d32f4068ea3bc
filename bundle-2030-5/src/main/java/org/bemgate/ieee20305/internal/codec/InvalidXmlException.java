package org.bemgate.ieee20305.internal.codec;

/** A body that is not the expected 2030.5 XML; the message names the element and what is wrong. */
public final class InvalidXmlException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidXmlException(String message) {
        super(message);
    }
}
