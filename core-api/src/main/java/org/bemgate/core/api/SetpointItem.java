package org.bemgate.core.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One period of a setpoint: what the user prefers and accepts between two times.
 *
 * <p>{@code discrete_*} datapoints need {@code acceptableValues}; {@code continuous_numeric}
 * datapoints need {@code minValue} and {@code maxValue}, as BEMCom's API requires.
 *
 * @param fromTimestamp start in epoch ms, or null for "applies immediately"
 * @param toTimestamp end in epoch ms, or null for "applies until replaced"
 * @param preferredValue the value the user prefers
 * @param acceptableValues the values the user accepts, or null
 * @param minValue the lowest acceptable value, or null
 * @param maxValue the highest acceptable value, or null
 */
public record SetpointItem(Long fromTimestamp, Long toTimestamp, Object preferredValue,
        List<Object> acceptableValues, Double minValue, Double maxValue) {

    /** Copies {@code acceptableValues} so the item stays immutable. */
    public SetpointItem {
        acceptableValues = acceptableValues == null ? null : Collections.unmodifiableList(new ArrayList<>(acceptableValues));
    }
}
