package org.bemgate.core.api;

/**
 * Selects datapoints in queries. Every field that is null matches everything.
 *
 * @param pattern a glob over the id text ({@code *} any run, {@code ?} one character), or null
 * @param connector the exact connector name, or null
 * @param type sensor or actuator, or null
 * @param active true for active only, false for inactive only, or null
 */
public record DatapointFilter(String pattern, String connector, DatapointType type, Boolean active) {

    /** A filter that matches every datapoint. */
    public static final DatapointFilter ALL = new DatapointFilter(null, null, null, null);

    /**
     * @param pattern a glob over the id text
     * @return a filter on the pattern only
     */
    public static DatapointFilter pattern(String pattern) {
        return new DatapointFilter(pattern, null, null, null);
    }

    /**
     * @param connector the connector name
     * @return a filter on the connector only
     */
    public static DatapointFilter connector(String connector) {
        return new DatapointFilter(null, connector, null, null);
    }
}
