package org.bemgate.keba.internal;

import java.util.Map;

/** What a {@link Station} tells its connector; called on the connector's scheduler thread. */
interface StationEvents {

    /**
     * A report arrived, answered or late.
     *
     * @param station the station
     * @param report its number
     * @param fields every field, {@code ID} included
     */
    void report(Station station, int report, Map<String, Object> fields);

    /**
     * An unsolicited state message arrived, such as {@code {"State": 3}}.
     *
     * @param station the station
     * @param fields its fields
     */
    void stateMessage(Station station, Map<String, Object> fields);

    /**
     * Report 2 showed the phase switch for the first time: the firmware knows {@code x2src} and {@code x2}.
     *
     * @param station the station
     */
    void phaseSwitchingFound(Station station);

    /**
     * The station's status or reason changed.
     *
     * @param station the station
     */
    void statusChanged(Station station);
}
