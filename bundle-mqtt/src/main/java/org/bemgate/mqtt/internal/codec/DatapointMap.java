package org.bemgate.mqtt.internal.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BEMCom's datapoint map (§4.5). The two sections are keyed in opposite directions.
 *
 * @param sensor sensor key → value topic
 * @param actuator actuator value topic → key
 */
public record DatapointMap(Map<String, String> sensor, Map<String, String> actuator) {

    /** The map before any arrived: nothing is published, nothing subscribed. */
    public static final DatapointMap EMPTY = new DatapointMap(Map.of(), Map.of());

    /** Copies both sections, keeping their order. */
    public DatapointMap {
        sensor = Collections.unmodifiableMap(new LinkedHashMap<>(sensor));
        actuator = Collections.unmodifiableMap(new LinkedHashMap<>(actuator));
    }
}
