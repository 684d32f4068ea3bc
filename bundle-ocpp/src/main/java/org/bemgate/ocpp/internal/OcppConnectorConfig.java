package org.bemgate.ocpp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One OCPP 1.6J central system: {@code etc/org.bemgate.ocpp-<name>.cfg}. It owns one listen port and
 * serves any number of charge points; each charge point's datapoint keys start with its id.
 */
@ObjectClassDefinition(name = "bemgate OCPP 1.6J central system", description = "A WebSocket server that OCPP 1.6J charge points "
        + "connect to; one listen port per configuration")
public @interface OcppConnectorConfig {

    /** The factory PID. */
    String PID = "org.bemgate.ocpp";

    @AttributeDefinition(name = "Name", description = "The connector name, the first part of every datapoint id")
    String name();

    @AttributeDefinition(name = "Port", description = "OCPP_PORT: the TCP port charge points connect to, "
            + "ws://<gateway>:<port>/<any path>/<charge point id>")
    int port() default 9000;

    @AttributeDefinition(name = "Listen on", description = "The local address to bind; 0.0.0.0 for every interface")
    String bind() default "0.0.0.0";

    @AttributeDefinition(name = "Charge point ids", description = "The charge points allowed to connect (their actuators are "
            + "registered at once); empty lets any id connect", required = false)
    String[] chargePointIds() default {};

    @AttributeDefinition(name = "Basic-auth passwords", type = AttributeType.PASSWORD, description = "OCPP Security Profile 1: "
            + "<charge point id>=<password> per charge point (user = id); prefer $[secret:...] or $[env:...] in the .cfg", required = false)
    String[] _basicAuthPasswords() default {};

    @AttributeDefinition(name = "Basic auth required", description = "Refuse charge points that have no password above")
    boolean basicAuthRequired() default false;

    @AttributeDefinition(name = "Keystore", description = "OCPP Security Profile 2: a keystore file with the server certificate "
            + "makes the port wss:// (TLS); empty for plain ws://", required = false)
    String keystore() default "";

    @AttributeDefinition(name = "Keystore type", description = "PKCS12 or JKS")
    String keystoreType() default "PKCS12";

    @AttributeDefinition(name = "Keystore password", type = AttributeType.PASSWORD, description = "Password of the keystore and its key",
            required = false)
    String _keystorePassword() default "";

    @AttributeDefinition(name = "Accept every id tag", description = "Authorize and StartTransaction accept any id tag; "
            + "when off only the id tags listed below are Accepted, others Invalid")
    boolean acceptAllIdTags() default true;

    @AttributeDefinition(name = "Id tags", description = "The id tags accepted when 'Accept every id tag' is off", required = false)
    String[] idTags() default {};

    @AttributeDefinition(name = "Heartbeat interval (s)", description = "The interval sent in BootNotification")
    int heartbeatSeconds() default 60;

    @AttributeDefinition(name = "Answer timeout (s)", description = "How long a charge point may take to answer a call; "
            + "keep it below the registry's write timeout (30 s)")
    double callTimeoutSeconds() default 20;

    @AttributeDefinition(name = "OCPP_CONFIG", description = "BEMCom's JSON list of actuator methods, e.g. "
            + "[\"execute_send_charging_profile\", \"execute_trigger_message\"]; bemgate's own actuators exist besides them")
    String ocppConfig() default "[\"execute_send_charging_profile\", \"execute_trigger_message\"]";

    @AttributeDefinition(name = "Nominal voltage (V)", description = "Phase voltage used to convert a limit between W and A when "
            + "the charge point only takes the other unit")
    double nominalVoltage() default 230;

    @AttributeDefinition(name = "Phases", description = "Phases used to convert a limit between W and A")
    int phases() default 3;

    @AttributeDefinition(name = "Accept DataTransfer", description = "Answer DataTransfer with Accepted; otherwise UnknownVendorId. "
            + "The data is published either way")
    boolean acceptDataTransfer() default false;

    @AttributeDefinition(name = "Active on first sight", description = "Datapoint keys to activate when they are registered for "
            + "the first time; an operator's later choice is kept", required = false)
    String[] activeDatapoints() default {};
}
