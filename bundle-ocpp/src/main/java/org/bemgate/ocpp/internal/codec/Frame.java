package org.bemgate.ocpp.internal.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One OCPP-J message: a CALL, its CALLRESULT or a CALLERROR. */
public sealed interface Frame {

    /** @return the message id that ties a result to its call */
    String uniqueId();

    /** {@code [2, uniqueId, action, payload]}. */
    record Call(String uniqueId, String action, ObjectNode payload) implements Frame {
    }

    /** {@code [3, uniqueId, payload]}. */
    record CallResult(String uniqueId, ObjectNode payload) implements Frame {
    }

    /** {@code [4, uniqueId, errorCode, errorDescription, errorDetails]}. */
    record CallError(String uniqueId, String errorCode, String description, ObjectNode details) implements Frame {
    }
}
