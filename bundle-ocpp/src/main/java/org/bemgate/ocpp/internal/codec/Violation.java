package org.bemgate.ocpp.internal.codec;

/**
 * One way a payload breaks its message definition.
 *
 * @param code the CALLERROR code that answers it
 * @param path where, such as {@code meterValue[0].sampledValue[1].unit}; empty for the payload itself
 * @param problem what is wrong
 */
public record Violation(ErrorCode code, String path, String problem) {

    /** @return {@code path: problem}, for the error description and the log */
    public String describe() {
        return path.isEmpty() ? problem : path + ": " + problem;
    }
}
