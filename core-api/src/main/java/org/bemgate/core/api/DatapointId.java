package org.bemgate.core.api;

/**
 * Identity of a datapoint: the connector that owns it and its key inside that connector.
 *
 * <p>The text form is {@code <connector>/<key>}. Connector names never contain a slash, keys may
 * (KNX group addresses such as {@code 2/3/111}), so the text form is split at its first slash.
 */
public final class DatapointId implements Comparable<DatapointId> {

    private final String connector;
    private final String key;
    private final String text;

    private DatapointId(String connector, String key) {
        this.connector = connector;
        this.key = key;
        this.text = connector + '/' + key;
    }

    /**
     * Creates an id from its two parts.
     *
     * @param connector the connector name: not empty, no slash, no white space
     * @param key the key inside the connector: not empty
     * @return the id
     * @throws IllegalArgumentException if a part is not valid
     */
    public static DatapointId of(String connector, String key) {
        checkConnectorName(connector);
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("datapoint key must not be empty (connector '" + connector + "')");
        }
        return new DatapointId(connector, key);
    }

    /**
     * Parses the text form {@code <connector>/<key>}.
     *
     * @param text the text form
     * @return the id
     * @throws IllegalArgumentException if the text has no slash or a part is not valid
     */
    public static DatapointId parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a datapoint id: expected <connector>/<key>");
        }
        return of(text.substring(0, slash), text.substring(slash + 1));
    }

    /**
     * Checks that a connector name can be used in datapoint ids and MQTT topics.
     *
     * @param name the name to check
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static void checkConnectorName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("connector name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '+' || c == '#' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("connector name '" + name
                        + "' must not contain '/', '+', '#' or white space");
            }
        }
    }

    /** @return the name of the connector that owns the datapoint */
    public String connector() {
        return connector;
    }

    /** @return the key of the datapoint inside its connector, in BEMCom's format for the protocol */
    public String key() {
        return key;
    }

    @Override
    public int compareTo(DatapointId other) {
        return text.compareTo(other.text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatapointId && ((DatapointId) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** @return the text form {@code <connector>/<key>} */
    @Override
    public String toString() {
        return text;
    }
}
