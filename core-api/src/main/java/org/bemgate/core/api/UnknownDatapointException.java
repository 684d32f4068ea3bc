package org.bemgate.core.api;

/** No datapoint with the given id is known to the registry. */
public class UnknownDatapointException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient DatapointId id;

    /** @param id the id that was asked for */
    public UnknownDatapointException(DatapointId id) {
        super("unknown datapoint '" + id + "'");
        this.id = id;
    }

    /** @return the id that was asked for */
    public DatapointId id() {
        return id;
    }
}
