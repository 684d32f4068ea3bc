package org.bemgate.mqtt.internal.remote;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Topics on another broker as datapoints: {@code etc/org.bemgate.mqtt.remote-<name>.cfg}, the settings
 * of BEMCom's MQTT connector ({@code REMOTE_MQTT_BROKER_*}).
 */
@ObjectClassDefinition(name = "bemgate remote MQTT broker", description = "Subscribes to topics of another MQTT broker as sensor "
        + "datapoints and publishes actuator values to configured topics")
public @interface RemoteMqttConfig {

    /** The factory PID: one configuration per remote broker. */
    String PID = "org.bemgate.mqtt.remote";

    @AttributeDefinition(name = "Name", description = "The connector name, the first part of every datapoint id")
    String name();

    @AttributeDefinition(name = "Host", description = "REMOTE_MQTT_BROKER_HOST: the remote broker's name or address")
    String host() default "";

    @AttributeDefinition(name = "Port", description = "REMOTE_MQTT_BROKER_PORT")
    int port() default 1883;

    @AttributeDefinition(name = "TLS", description = "REMOTE_MQTT_BROKER_USE_TLS")
    boolean useTls() default false;

    @AttributeDefinition(name = "CA file", description = "REMOTE_MQTT_BROKER_CA_FILE: a PEM file of the CA (chain), or the PEM "
            + "text itself; empty for the JVM's trusted CAs", required = false)
    String caFile() default "";

    @AttributeDefinition(name = "User name", description = "REMOTE_MQTT_BROKER_USERNAME; empty: no login", required = false)
    String username() default "";

    /** Key {@code .password} in the .cfg: a private property, so it is never copied into service properties. */
    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "REMOTE_MQTT_BROKER_PASSWORD; prefer "
            + "$[secret:...] or $[env:...] in the .cfg file", required = false)
    String _password() default "";

    @AttributeDefinition(name = "Topic mapping", description = "REMOTE_MQTT_BROKER_TOPIC_MAPPING, BEMCom's JSON: "
            + "{\"sensor_topics\": {\"<topic or filter with + and #>\": {}}, \"actuator_topics\": {\"<topic>\": "
            + "{\"example_value\": ...}}}")
    String topicMapping() default "";

    @AttributeDefinition(name = "Parse JSON", description = "REMOTE_MQTT_BROKER_PARSE_JSON: read payloads as JSON (objects give "
            + "one datapoint per field, <topic>__<field>) and publish actuator values as JSON; otherwise payloads are text")
    boolean parseJson() default false;

    @AttributeDefinition(name = "Skip retained", description = "Ignore retained messages, as BEMCom's connector does; turn off "
            + "to take a device's last retained state as a value")
    boolean skipRetained() default true;

    @AttributeDefinition(name = "Actuator QoS", description = "QoS of actuator values published to the remote broker")
    int actuatorQos() default 1;

    @AttributeDefinition(name = "Client id", description = "Unique on the remote broker; empty: bemgate-<name>-<random>",
            required = false)
    String clientId() default "";

    @AttributeDefinition(name = "Keep alive (s)", description = "MQTT keep alive")
    int keepAliveSeconds() default 60;

    @AttributeDefinition(name = "Longest reconnect pause (s)", description = "Attempts start after 1 s and double up to this")
    int reconnectMaxSeconds() default 60;

    @AttributeDefinition(name = "Active on first sight", description = "Datapoint keys (topics) to activate when they are "
            + "registered for the first time", required = false)
    String[] activeDatapoints() default {};
}
