package org.bemgate.mqtt.internal.bridge;

import java.util.ArrayList;
import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Value;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.mqtt.internal.Configs;
import org.bemgate.mqtt.internal.FakeConnector;
import org.bemgate.mqtt.internal.HeldTimers;
import org.bemgate.mqtt.internal.Probe;
import org.bemgate.mqtt.internal.Wait;
import org.bemgate.mqtt.internal.client.BrokerSettings;
import org.bemgate.testsupport.Mosquitto;

/**
 * A real Mosquitto on a free loopback port, the real registry in memory, the demo connector of the
 * BEMCom demo (two sensors and one actuator), and the bridge under test.
 */
final class BridgeFixture implements AutoCloseable {

    static final String CN = "demo";
    static final String TEMP = "read_input_registers__1__1";
    static final String COIL = "read_coils__1__1";
    static final String SETPOINT = "write_register__1__1";

    final Mosquitto broker;
    final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 300_000);
    final FakeConnector demo = new FakeConnector(CN);
    final HeldTimers timers = new HeldTimers("bemgate-mqtt-bridge-test");
    BemcomBridge bridge;
    private final List<Probe> probes = new ArrayList<>();

    BridgeFixture() throws Exception {
        broker = Mosquitto.start();
        registry.register(CN, List.of(
                DatapointMetadata.builder(id(TEMP), DatapointType.SENSOR).dataFormat(DataFormat.GENERIC_NUMERIC).unit("°C")
                        .exampleValue(21.5).build(),
                DatapointMetadata.builder(id(COIL), DatapointType.SENSOR).dataFormat(DataFormat.BOOL).exampleValue(true).build(),
                DatapointMetadata.builder(id(SETPOINT), DatapointType.ACTUATOR).dataFormat(DataFormat.CONTINUOUS_NUMERIC).unit("°C")
                        .minValue(15.0).maxValue(30.0).exampleValue(21.0).build()));
        registry.addConnector(demo);
    }

    static DatapointId id(String key) {
        return DatapointId.of(CN, key);
    }

    /** Starts the bridge on the fixture's broker with these properties besides host and port. */
    BemcomBridge bridge(Object... properties) throws Exception {
        Object[] all = new Object[properties.length + 4];
        all[0] = "host";
        all[1] = broker.host();
        all[2] = "port";
        all[3] = broker.port();
        System.arraycopy(properties, 0, all, 4, properties.length);
        BridgeConfig c = Configs.of(BridgeConfig.class, all);
        BrokerSettings settings = BrokerSettings.check(c.host(), c.port(), c.useTls(), c.caFile(), c.username(), c._password(),
                c.clientId(), "bemgate-bridge-", c.keepAliveSeconds(), c.reconnectMaxSeconds());
        bridge = new BemcomBridge(registry, settings, BridgeOptions.of(c), timers, System::currentTimeMillis, connector -> "1.2.3",
                (listener, props) -> {
                    registry.addListener(listener, props);
                    return () -> registry.removeListener(listener);
                });
        bridge.start();
        Wait.until(() -> bridge.session().isConnected(), "the bridge to connect");
        return bridge;
    }

    /** @return a probe subscribed to the filters */
    Probe probe(String... filters) throws Exception {
        Probe p = new Probe(broker.uri()).subscribe(filters);
        probes.add(p);
        return p;
    }

    void publish(String key, Object value, long timestamp) {
        registry.publish(id(key), new Value(value, timestamp));
    }

    double metric(String name) {
        return bridge.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Override
    public void close() {
        probes.forEach(Probe::close);
        if (bridge != null) {
            bridge.close();
        }
        registry.close();
        broker.close();
    }
}
