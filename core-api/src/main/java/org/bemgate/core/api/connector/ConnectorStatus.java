package org.bemgate.core.api.connector;

/** The state of a connector, as shown in the shell, REST, console and metrics. */
public enum ConnectorStatus {
    /** Configured and starting; not yet talked to the device. */
    STARTING,
    /** Talking to the device normally. */
    ONLINE,
    /** Talking to the device, but part of it fails (some ranges, some requests). */
    DEGRADED,
    /** The device does not answer; retried with backoff until it does. */
    OFFLINE,
    /** The configuration is wrong; nothing is tried until it is fixed. The reason names the property. */
    FAILED
}
