package org.bemgate.mqtt.internal.bridge;

import org.bemgate.mqtt.internal.client.ConfigProblem;

/**
 * What the bridge does besides connecting, checked from {@link BridgeConfig}.
 *
 * @param topicPrefix before every topic the bridge makes; empty as in BEMCom
 * @param sendRawMessages publish {@code <cn>/raw_message_to_db}
 * @param bufferSize messages kept while the broker is away
 * @param heartbeatMillis heartbeat interval
 * @param publishDatapointMap publish each connector's map from bemgate's activation
 * @param activateMapped activate what a BEMCom API maps (not with {@code publishDatapointMap})
 */
public record BridgeOptions(String topicPrefix, boolean sendRawMessages, int bufferSize, long heartbeatMillis,
        boolean publishDatapointMap, boolean activateMapped) {

    /** @return the options of a configuration */
    static BridgeOptions of(BridgeConfig c) throws ConfigProblem {
        if (c.bufferSize() < 0) {
            throw new ConfigProblem("bufferSize: must be 0 or more, not " + c.bufferSize());
        }
        if (c.heartbeatSeconds() < 1) {
            throw new ConfigProblem("heartbeatSeconds: must be at least 1, not " + c.heartbeatSeconds());
        }
        String prefix = c.topicPrefix() == null ? "" : c.topicPrefix().strip();
        if (prefix.contains("+") || prefix.contains("#")) {
            throw new ConfigProblem("topicPrefix: no wildcards ('+', '#') in '" + prefix + "'");
        }
        return new BridgeOptions(prefix, c.sendRawMessages(), c.bufferSize(), c.heartbeatSeconds() * 1000L,
                c.publishDatapointMap(), c.activateMapped());
    }
}
