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
 * @param flexibility how the user's acceptance is given; null derives it from the values
 */
public record SetpointItem(Long fromTimestamp, Long toTimestamp, Object preferredValue,
        List<Object> acceptableValues, Double minValue, Double maxValue, Flexibility flexibility) {

    /**
     * Which keys the item carries, as BEMCom's controller decides by them: an item with the key
     * {@code acceptable_values} is discrete even when the list is null (then any value is acceptable);
     * one with both {@code min_value} and {@code max_value} is continuous even when they are null.
     */
    public enum Flexibility {
        /** Neither: only the preferred value counts. */
        NONE,
        /** {@code acceptable_values} is given. */
        DISCRETE,
        /** {@code min_value} and {@code max_value} are given. */
        CONTINUOUS
    }

    /** Copies {@code acceptableValues} so the item stays immutable, and derives a missing flexibility. */
    public SetpointItem {
        acceptableValues = acceptableValues == null ? null : Collections.unmodifiableList(new ArrayList<>(acceptableValues));
        if (flexibility == null) {
            flexibility = acceptableValues != null ? Flexibility.DISCRETE
                    : minValue != null || maxValue != null ? Flexibility.CONTINUOUS : Flexibility.NONE;
        }
    }

    /**
     * An item whose flexibility follows from the values that are set.
     *
     * @param fromTimestamp start in epoch ms, or null
     * @param toTimestamp end in epoch ms, or null
     * @param preferredValue the value the user prefers
     * @param acceptableValues the values the user accepts, or null
     * @param minValue the lowest acceptable value, or null
     * @param maxValue the highest acceptable value, or null
     */
    public SetpointItem(Long fromTimestamp, Long toTimestamp, Object preferredValue, List<Object> acceptableValues,
            Double minValue, Double maxValue) {
        this(fromTimestamp, toTimestamp, preferredValue, acceptableValues, minValue, maxValue, null);
    }
}
