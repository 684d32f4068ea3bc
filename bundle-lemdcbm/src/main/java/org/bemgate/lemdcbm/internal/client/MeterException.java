package org.bemgate.lemdcbm.internal.client;

/**
 * An exchange with the meter that did not give a usable answer: no connection, a timeout, an HTTP
 * error, or a body that does not validate. The message says which, for an operator.
 */
public final class MeterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    /**
     * @param message what went wrong, naming the request
     * @param httpStatus the meter's HTTP status, or 0 when it gave none
     */
    public MeterException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    /** @return true if the meter answered, but refused the request (HTTP 4xx) */
    public boolean refusedByMeter() {
        return httpStatus >= 400 && httpStatus < 500;
    }

    /** @return the HTTP status, 0 if the meter gave none */
    public int httpStatus() {
        return httpStatus;
    }
}
