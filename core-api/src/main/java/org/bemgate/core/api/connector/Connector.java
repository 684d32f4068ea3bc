package org.bemgate.core.api.connector;

import java.util.concurrent.CompletionStage;

import org.bemgate.core.api.WriteOutcome;

/**
 * One configured device instance, registered as an OSGi service by its protocol bundle.
 *
 * <p>The registry tracks these services: it routes actuator writes to the connector whose
 * {@link #name()} owns the datapoint and lists their health. Register the service with the property
 * {@value #NAME} set to the name, so others can select it with a filter.
 */
public interface Connector {

    /** Service property holding the connector name. */
    String NAME = "bemgate.connector.name";

    /** Service property holding the protocol, such as {@code modbus}. */
    String PROTOCOL = "bemgate.connector.protocol";

    /** @return the operator's name for this device, unique in the gateway, such as {@code demo-room} */
    String name();

    /** @return the protocol, such as {@code modbus}, {@code keba}, {@code ocpp} */
    String protocol();

    /** @return the current health; cheap to call, never blocks on the device */
    ConnectorHealth health();

    /**
     * Writes a value to an actuator of this device. The registry has already checked that the
     * datapoint is an actuator of this connector and that the value fits its data format.
     * Implementations must not block the caller: queue the write on the connector's own thread.
     *
     * @param key the actuator's key inside this connector
     * @param value the JSON value to write
     * @return the device's answer; may complete on any thread, should not complete exceptionally
     */
    CompletionStage<WriteOutcome> write(String key, Object value);
}
