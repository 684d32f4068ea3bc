package org.bemgate.keba.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * KEBA P30 charging stations: {@code etc/org.bemgate.keba-<name>.cfg}. One station with {@code host},
 * or several with {@code chargeStations}, which takes BEMCom's {@code KEBA_P30_CHARGE_STATIONS} unchanged.
 */
@ObjectClassDefinition(name = "bemgate KEBA P30 charging station", description = "KEBA KeContact P20/P30 charging stations "
        + "polled over UDP")
public @interface KebaConnectorConfig {

    /** The factory PID: one configuration per station, or per group of stations. */
    String PID = "org.bemgate.keba";

    @AttributeDefinition(name = "Name", description = "The connector name, the first part of every datapoint id "
            + "(letters, digits, '-' and '_')")
    String name();

    @AttributeDefinition(name = "Host", description = "The station's address; its datapoint keys start with the connector name. "
            + "Leave empty when Charge stations is set", required = false)
    String host() default "";

    @AttributeDefinition(name = "Charge stations", description = "KEBA_P30_CHARGE_STATIONS: BEMCom's JSON "
            + "{\"<station name>\": \"<address>\"}; the keys of each station start with its name", required = false)
    String chargeStations() default "";

    @AttributeDefinition(name = "Poll interval (s)", description = "POLL_SECONDS: time between two polls of reports 1, 2 and 3; "
            + "at least 5, KEBA's minimum between repeats of a command")
    double pollSeconds() default 30;

    @AttributeDefinition(name = "Answer timeout (s)", description = "READ_TIMEOUT: how long to wait for a station's answer")
    double timeoutSeconds() default 5;

    @AttributeDefinition(name = "Timeouts before offline", description = "Unanswered commands in a row after which a station "
            + "counts as offline and is retried with a growing pause")
    int maxTimeouts() default 5;

    @AttributeDefinition(name = "Active on first sight", description = "Datapoint keys to activate when they are registered for "
            + "the first time; an operator's later choice is kept", required = false)
    String[] activeDatapoints() default {};
}
