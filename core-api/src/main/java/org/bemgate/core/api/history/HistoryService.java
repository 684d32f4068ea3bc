package org.bemgate.core.api.history;

import java.util.List;

/**
 * Reads the history of active datapoints. Available as an OSGi service. The registry writes the
 * history itself; nobody else writes it.
 */
public interface HistoryService {

    /**
     * Runs a query.
     *
     * @param query what to read
     * @return the points, oldest first
     * @throws IllegalArgumentException if the query asks for something the store cannot do
     */
    List<HistoryPoint> query(HistoryQuery query);

    /**
     * Waits until everything published before the call is written, for tests and shutdown.
     *
     * @param timeoutMillis how long to wait at most
     * @return true if everything was written in time
     */
    boolean flush(long timeoutMillis);
}
