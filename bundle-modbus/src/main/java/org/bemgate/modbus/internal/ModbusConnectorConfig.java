package org.bemgate.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One Modbus TCP device: {@code etc/org.bemgate.modbus-<name>.cfg}. Every BEMCom setting of the
 * Modbus connector has its equivalent here; {@code config} takes {@code MODBUS_CONFIG} unchanged.
 */
@ObjectClassDefinition(name = "bemgate Modbus TCP device", description = "A Modbus TCP device or gateway polled by bemgate")
public @interface ModbusConnectorConfig {

    /** The factory PID: one configuration per device. */
    String PID = "org.bemgate.modbus";

    @AttributeDefinition(name = "Name", description = "The connector name, the first part of every datapoint id "
            + "(letters, digits, '-' and '_')")
    String name();

    @AttributeDefinition(name = "Host", description = "The device's or Modbus gateway's address (MODBUS_MASTER_IP)")
    String host();

    @AttributeDefinition(name = "Port", description = "MODBUS_MASTER_PORT")
    int port() default 502;

    @AttributeDefinition(name = "Poll interval (s)", description = "POLL_SECONDS: time between the starts of two polls")
    double pollSeconds() default 5;

    @AttributeDefinition(name = "Attempts per request", description = "MODBUS_MAX_RETRIES: attempts before the device counts as offline")
    int maxRetries() default 3;

    @AttributeDefinition(name = "Wait after a failed attempt (s)", description = "MODBUS_RETRY_WAIT_SECONDS")
    double retryWaitSeconds() default 15;

    @AttributeDefinition(name = "Pause after every request (s)", description = "MODBUS_POLL_BREAK, for devices that need a breather")
    double pollBreakSeconds() default 0;

    @AttributeDefinition(name = "Disconnect between polls", description = "MODBUS_DISCONNECT_BETWEEN_POLLS")
    boolean disconnectBetweenPolls() default false;

    @AttributeDefinition(name = "Least significant register first", description = "MODBUS_LSRF_WORD_ORDER: the device puts the "
            + "low 16 bits of 32- and 64-bit values first")
    boolean lsrfWordOrder() default false;

    @AttributeDefinition(name = "Response timeout (ms)", description = "How long to wait for an answer to one request")
    int timeoutMillis() default 3000;

    @AttributeDefinition(name = "Register map", description = "MODBUS_CONFIG: BEMCom's JSON, unchanged")
    String config();

    @AttributeDefinition(name = "Active on first sight", description = "Datapoint keys to activate when the connector registers "
            + "them for the first time; an operator's later choice is kept", required = false)
    String[] activeDatapoints() default {};
}
