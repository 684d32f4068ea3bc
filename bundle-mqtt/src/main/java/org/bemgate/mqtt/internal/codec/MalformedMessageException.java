package org.bemgate.mqtt.internal.codec;

/** A payload that is not the JSON shape its topic carries; the message says what is wrong. */
public final class MalformedMessageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong with the payload */
    public MalformedMessageException(String reason) {
        super(reason);
    }
}
