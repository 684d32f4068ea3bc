package org.bemgate.ocpp.internal.codec;

/**
 * The CALLERROR codes of OCPP-J 1.6 (section 4.2.3), with their spelling on the wire: 1.6 writes
 * {@code FormationViolation} and {@code OccurenceConstraintViolation} (2.0.1 renamed them).
 */
public enum ErrorCode {
    /** The action is not known. */
    NOT_IMPLEMENTED("NotImplemented"),
    /** The action is known but not supported here (or not in this direction). */
    NOT_SUPPORTED("NotSupported"),
    /** The receiver failed while handling a valid message. */
    INTERNAL_ERROR("InternalError"),
    /** The payload or frame is incomplete. */
    PROTOCOL_ERROR("ProtocolError"),
    /** A security issue kept the receiver from handling the message. */
    SECURITY_ERROR("SecurityError"),
    /** Not valid JSON, or not the structure of the message: a frame of the wrong shape, an unknown field. */
    FORMATION_VIOLATION("FormationViolation"),
    /** A field holds a value it may not hold: not in the enumeration, too long, a malformed date. */
    PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation"),
    /** A required field is missing, or a list has too few entries. */
    OCCURENCE_CONSTRAINT_VIOLATION("OccurenceConstraintViolation"),
    /** A field holds the wrong JSON type, such as a string where an integer belongs. */
    TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation"),
    /** Anything else. */
    GENERIC_ERROR("GenericError");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** @return the code as sent in a CALLERROR */
    public String wire() {
        return wire;
    }
}
