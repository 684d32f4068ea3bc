package org.bemgate.core.api.history;

/** How the values of one interval are combined. Numeric functions use numbers and bools (as 1/0) only. */
public enum Aggregation {
    /** The mean of the numeric values. */
    AVG,
    /** The smallest numeric value. */
    MIN,
    /** The largest numeric value. */
    MAX,
    /** The last value of the interval, of any type. */
    LAST
}
