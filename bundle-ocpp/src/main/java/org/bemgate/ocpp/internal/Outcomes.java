package org.bemgate.ocpp.internal;

import java.util.Set;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.ocpp.internal.codec.Frame;

/** A charge point's answer to a call as a {@link WriteOutcome}: its status word is the reason. Pure. */
final class Outcomes {

    private static final Set<String> DONE = Set.of("Accepted", "Unlocked", "RebootRequired", "Scheduled");

    private Outcomes() {
    }

    static WriteOutcome of(String chargePointId, String action, Frame answer) {
        if (answer instanceof Frame.CallError e) {
            return WriteOutcome.rejected("charge point " + chargePointId + " answered " + action + " with CALLERROR " + e.errorCode()
                    + (e.description().isEmpty() ? "" : ": " + e.description()));
        }
        Frame.CallResult r = (Frame.CallResult) answer;
        if (!r.payload().has("status")) {
            // GetConfiguration: no status; its values are published as sensors
            return WriteOutcome.accepted();
        }
        String status = r.payload().get("status").asText();
        if (DONE.contains(status)) {
            return new WriteOutcome(WriteOutcome.Status.ACCEPTED, status);
        }
        return WriteOutcome.rejected("charge point " + chargePointId + " answered " + action + " with " + status);
    }
}
