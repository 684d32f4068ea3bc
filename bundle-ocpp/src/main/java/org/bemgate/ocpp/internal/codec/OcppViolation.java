package org.bemgate.ocpp.internal.codec;

/**
 * A message that breaks OCPP-J framing or a message definition, with the CALLERROR that answers it.
 * Thrown by the pure codec; the session turns it into a CALLERROR.
 */
public final class OcppViolation extends Exception {

    /** The unique id used when the frame's own cannot be read, as OCPP 2.0.1 prescribes for that case. */
    public static final String UNKNOWN_ID = "-1";

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String uniqueId;
    private final boolean answerable;

    /**
     * @param code the CALLERROR code
     * @param uniqueId the frame's id, or {@link #UNKNOWN_ID}
     * @param answerable false when the frame was a CALLRESULT or CALLERROR, which OCPP never answers
     * @param message what is wrong, for the charge point and the log
     */
    public OcppViolation(ErrorCode code, String uniqueId, boolean answerable, String message) {
        super(message);
        this.code = code;
        this.uniqueId = uniqueId;
        this.answerable = answerable;
    }

    /** @return the CALLERROR code */
    public ErrorCode code() {
        return code;
    }

    /** @return the frame's id, or {@link #UNKNOWN_ID} */
    public String uniqueId() {
        return uniqueId;
    }

    /** @return true if a CALLERROR should be sent back */
    public boolean answerable() {
        return answerable;
    }
}
