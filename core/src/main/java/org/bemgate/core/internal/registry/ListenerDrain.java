package org.bemgate.core.internal.registry;

import org.bemgate.core.api.DatapointListener;

/** Lets a listener inside core (the history) wait until its queue in the registry is empty. */
public interface ListenerDrain {

    /**
     * @param listener a registered listener
     * @param timeoutMillis how long to wait at most
     * @return true if every event published before the call reached the listener in time
     */
    boolean drain(DatapointListener listener, long timeoutMillis);
}
