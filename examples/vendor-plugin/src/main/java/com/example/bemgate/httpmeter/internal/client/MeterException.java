package com.example.bemgate.httpmeter.internal.client;

/** A request that got no usable answer; the message names the request and why. */
public final class MeterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;

    /**
     * @param message the request and what went wrong
     * @param httpStatus the meter's HTTP status, or 0 when it did not answer
     */
    public MeterException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    /** @return true when the meter answered and refused (4xx), so a retry with the same request cannot help */
    public boolean refusedByMeter() {
        return httpStatus >= 400 && httpStatus < 500;
    }
}
