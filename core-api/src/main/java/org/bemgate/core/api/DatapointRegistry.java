package org.bemgate.core.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.bemgate.core.api.connector.Connector;

/**
 * The one source of truth for datapoints: metadata, activation and latest messages, persisted so they
 * survive restarts and bundle upgrades. Available as an OSGi service; all methods are thread-safe.
 *
 * <p>Connectors call {@link #register} and {@link #publish}; consoles, controllers and bridges call
 * the query and write methods and listen through {@link DatapointListener} services.
 */
public interface DatapointRegistry {

    // ---- for connectors ------------------------------------------------------------------------

    /**
     * Declares datapoints of a connector. Unknown ones are added, <em>inactive</em>, as in BEMCom;
     * for known ones the type and example value are updated, and every other field the connector
     * sets (data format, unit, description, bounds, allowed values) replaces the stored one, while
     * fields it leaves empty keep what the operator stored. Datapoints not named are left alone.
     *
     * @param connector the connector name; every id must belong to it
     * @param datapoints the datapoints the connector offers
     * @throws IllegalArgumentException if an id belongs to another connector
     */
    void register(String connector, Collection<DatapointMetadata> datapoints);

    /**
     * Publishes a value of one datapoint. The value becomes the latest value, listeners are told,
     * and if the datapoint is active it goes to the history. Returns without waiting for either.
     *
     * @param id a registered datapoint
     * @param value the value
     * @throws UnknownDatapointException if the datapoint was never registered
     * @throws InvalidMessageException if the value does not fit the datapoint's data format
     */
    void publish(DatapointId id, Value value);

    /**
     * Publishes many values at once, as a connector does after one poll. Values that are invalid or
     * of unknown datapoints are skipped and counted; the rest are published.
     *
     * @param samples the values
     * @return the number of samples that were refused
     */
    int publishAll(Collection<Sample> samples);

    // ---- queries -------------------------------------------------------------------------------

    /**
     * @param id the datapoint
     * @return the datapoint, or empty if unknown
     */
    Optional<Datapoint> get(DatapointId id);

    /**
     * @param filter which datapoints
     * @return the matching datapoints, sorted by id
     */
    List<Datapoint> find(DatapointFilter filter);

    /**
     * @param ids the datapoints
     * @return the latest value of each that has one; unknown ids and datapoints without a value are left out
     */
    Map<DatapointId, Value> latestValues(Collection<DatapointId> ids);

    /**
     * Finds a datapoint by its registry number, as MQTT topics carry it.
     *
     * @param number the number
     * @return the datapoint, or empty
     */
    Optional<Datapoint> byNumber(long number);

    // ---- changes by operators and controllers --------------------------------------------------

    /**
     * Activates or deactivates datapoints. Only active datapoints are historised and bridged.
     *
     * @param ids the datapoints
     * @param active the new state
     * @return the number of datapoints whose state changed
     * @throws UnknownDatapointException if an id is unknown; then nothing is changed
     */
    int setActive(Collection<DatapointId> ids, boolean active);

    /**
     * Replaces the metadata of a datapoint, as an operator edits it. The type cannot change.
     *
     * @param metadata the new metadata
     * @throws UnknownDatapointException if the datapoint is unknown
     * @throws InvalidMessageException if the type differs or the short name is taken
     */
    void updateMetadata(DatapointMetadata metadata);

    /**
     * Removes datapoints with their latest messages; their history stays until retention removes it.
     * A connector that still offers them registers them again, inactive.
     *
     * @param ids the datapoints
     * @return the number removed
     */
    int remove(Collection<DatapointId> ids);

    /**
     * Writes an actuator value: validates it, routes it to the owning connector and reports what the
     * device did. An accepted value becomes the actuator's latest value.
     *
     * @param id an actuator
     * @param value the value and the time it was commanded
     * @return the outcome, completed when the connector knows it; never completed exceptionally
     * @throws UnknownDatapointException if the datapoint is unknown
     * @throws InvalidMessageException if the datapoint is a sensor or the value is invalid
     */
    CompletionStage<WriteOutcome> write(DatapointId id, Value value);

    /**
     * Replaces the setpoint of an actuator.
     *
     * @param id an actuator
     * @param setpoint the setpoint
     * @throws UnknownDatapointException if the datapoint is unknown
     * @throws InvalidMessageException if the datapoint is a sensor or the setpoint is invalid
     */
    void setSetpoint(DatapointId id, Setpoint setpoint);

    /**
     * Replaces the schedule of an actuator.
     *
     * @param id an actuator
     * @param schedule the schedule
     * @throws UnknownDatapointException if the datapoint is unknown
     * @throws InvalidMessageException if the datapoint is a sensor or the schedule is invalid
     */
    void setSchedule(DatapointId id, Schedule schedule);

    // ---- connectors ----------------------------------------------------------------------------

    /** @return the running connectors, sorted by name */
    List<Connector> connectors();

    /**
     * @param name a connector name
     * @return the running connector of that name, or empty
     */
    Optional<Connector> connector(String name);
}
