package org.bemgate.mqtt.internal.bridge;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The BEMCom bridge: {@code etc/org.bemgate.mqtt.cfg}. Without a host it does nothing.
 */
@ObjectClassDefinition(name = "bemgate MQTT bridge (BEMCom)", description = "Every bemgate connector appears on an MQTT broker "
        + "as a BEMCom connector of the same name")
public @interface BridgeConfig {

    /** The singleton PID. */
    String PID = "org.bemgate.mqtt";

    @AttributeDefinition(name = "Host", description = "The broker's name or address; empty: no bridge", required = false)
    String host() default "";

    @AttributeDefinition(name = "Port", description = "The broker's TCP port (1883, 8883 with TLS)")
    int port() default 1883;

    @AttributeDefinition(name = "TLS", description = "Connect with TLS")
    boolean useTls() default false;

    @AttributeDefinition(name = "CA file", description = "With TLS: a PEM file of the CA (chain) that signed the broker's "
            + "certificate; empty for the JVM's trusted CAs", required = false)
    String caFile() default "";

    @AttributeDefinition(name = "User name", description = "Empty: connect without login", required = false)
    String username() default "";

    /** Key {@code .password} in the .cfg: a private property, so it is never copied into service properties. */
    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "Used with a user name; "
            + "prefer $[secret:...] or $[env:...] in the .cfg file", required = false)
    String _password() default "";

    @AttributeDefinition(name = "Client id", description = "Unique on the broker; empty: bemgate-bridge-<random>", required = false)
    String clientId() default "";

    @AttributeDefinition(name = "Topic prefix", description = "Put before every topic the bridge makes (<prefix>/<connector>/...); "
            + "empty, as BEMCom has it, for a BEMCom API", required = false)
    String topicPrefix() default "";

    @AttributeDefinition(name = "Raw messages", description = "SEND_RAW_MESSAGE_TO_DB: publish <connector>/raw_message_to_db")
    boolean sendRawMessages() default false;

    @AttributeDefinition(name = "Buffer size", description = "Messages kept while the broker is away; beyond that the oldest "
            + "are dropped and counted")
    int bufferSize() default 10_000;

    @AttributeDefinition(name = "Heartbeat interval (s)", description = "Heartbeats of each healthy connector")
    int heartbeatSeconds() default 30;

    @AttributeDefinition(name = "Publish own datapoint map", description = "Without a BEMCom API: publish each connector's "
            + "datapoint_map from bemgate's activation and datapoint numbers. Leave off when a BEMCom API manages the maps")
    boolean publishDatapointMap() default false;

    @AttributeDefinition(name = "Activate mapped datapoints", description = "Activate in bemgate the datapoints a BEMCom API "
            + "maps, so its admin's selection is enough (never deactivates)")
    boolean activateMapped() default true;

    @AttributeDefinition(name = "Keep alive (s)", description = "MQTT keep alive")
    int keepAliveSeconds() default 60;

    @AttributeDefinition(name = "Longest reconnect pause (s)", description = "Attempts start after 1 s and double up to this")
    int reconnectMaxSeconds() default 60;
}
