package org.bemgate.core.api;

import java.util.List;

/**
 * Receives datapoint changes. Register an implementation as an OSGi service (whiteboard pattern);
 * the registry finds it and delivers the events its service properties ask for.
 *
 * <p>Every listener has its own delivery queue and thread, so a slow or failing listener never
 * delays the publishers or the other listeners. A listener that falls too far behind loses the
 * oldest undelivered events; the registry counts and logs that. Events of one datapoint arrive in
 * the order they were published.
 *
 * <p>A component that both uses the {@link DatapointRegistry} and listens to it should register its
 * listener from its own activation ({@code BundleContext.registerService}) rather than be the
 * listener service itself: the registry takes listener services when they appear, and a listener
 * service that needs the registry would make Declarative Services build each in the middle of the
 * other (a reference cycle it refuses).
 *
 * <p>Service properties:
 * <ul>
 * <li>{@value #DATAPOINTS}: glob patterns over datapoint ids ({@code demo-room/*}, {@code *}/temp?);
 *     {@code *} matches any run of characters, {@code ?} one. String or String[]; default all.</li>
 * <li>{@value #KINDS}: names of {@link EventKind}s; default all.</li>
 * <li>{@value #ACTIVE_ONLY}: {@code true} to receive only events of active datapoints (and the
 *     {@link EventKind#ACTIVATION} events that change it); default false.</li>
 * </ul>
 */
public interface DatapointListener {

    /** Service property: the datapoint id patterns the listener wants. */
    String DATAPOINTS = "bemgate.listener.datapoints";

    /** Service property: the event kinds the listener wants. */
    String KINDS = "bemgate.listener.kinds";

    /** Service property: only events of active datapoints. */
    String ACTIVE_ONLY = "bemgate.listener.activeOnly";

    /**
     * Receives one event.
     *
     * @param event the change
     */
    void onEvent(DatapointEvent event);

    /**
     * Receives the events that queued up since the last call, oldest first. The default calls
     * {@link #onEvent(DatapointEvent)} for each; override it to handle a batch at once (a store that
     * writes in batches, a bridge that publishes in bursts).
     *
     * @param events the events, in publish order per datapoint; not to be kept after the call
     */
    default void onEvents(List<DatapointEvent> events) {
        for (DatapointEvent e : events) {
            onEvent(e);
        }
    }
}
