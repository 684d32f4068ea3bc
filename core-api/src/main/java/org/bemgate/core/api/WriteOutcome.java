package org.bemgate.core.api;

/**
 * What became of an actuator write.
 *
 * @param status accepted, rejected or failed
 * @param reason why it was rejected or failed, for people; empty when accepted
 */
public record WriteOutcome(Status status, String reason) {

    /** The three outcomes of a write. */
    public enum Status {
        /** The device took the value. */
        ACCEPTED,
        /** The value was not sent: invalid for the datapoint, or refused by the device (e.g. a Modbus exception). */
        REJECTED,
        /** The value could not be delivered: device unreachable, connector not running, timeout. */
        FAILED
    }

    /** @return an accepted outcome */
    public static WriteOutcome accepted() {
        return new WriteOutcome(Status.ACCEPTED, "");
    }

    /**
     * @param reason why
     * @return a rejected outcome
     */
    public static WriteOutcome rejected(String reason) {
        return new WriteOutcome(Status.REJECTED, reason);
    }

    /**
     * @param reason why
     * @return a failed outcome
     */
    public static WriteOutcome failed(String reason) {
        return new WriteOutcome(Status.FAILED, reason);
    }

    /** @return true if the device took the value */
    public boolean isAccepted() {
        return status == Status.ACCEPTED;
    }
}
