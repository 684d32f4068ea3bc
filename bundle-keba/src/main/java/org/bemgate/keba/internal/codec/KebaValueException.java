package org.bemgate.keba.internal.codec;

/** An actuator value that cannot become a command; the message says what is allowed. */
public final class KebaValueException extends Exception {

    private static final long serialVersionUID = 1L;

    KebaValueException(String message) {
        super(message);
    }
}
