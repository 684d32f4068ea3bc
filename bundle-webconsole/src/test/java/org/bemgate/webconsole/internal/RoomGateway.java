package org.bemgate.webconsole.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;

/**
 * A gateway for console tests: the real in-memory registry with a room (temperature sensor, setpoint
 * actuator accepting 10–30 and rejecting 13) whose writes are recorded, and the console on a real Jetty
 * with in-memory bundles and history ({@link FakePlatform}).
 */
public final class RoomGateway implements AutoCloseable {

    public static final DatapointId TEMP = DatapointId.of("room", "temp");
    public static final DatapointId SET = DatapointId.of("room", "set");

    public final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 1000);
    /** The values the room's device received, in order. */
    public final List<Object> written = new CopyOnWriteArrayList<>();
    public final ConsoleServer server;

    public RoomGateway() throws Exception {
        registry.register("room", List.of(
                DatapointMetadata.builder(TEMP, DatapointType.SENSOR).dataFormat(DataFormat.GENERIC_NUMERIC).unit("°C")
                        .description("room temperature").build(),
                DatapointMetadata.builder(SET, DatapointType.ACTUATOR).dataFormat(DataFormat.CONTINUOUS_NUMERIC)
                        .minValue(10.0).maxValue(30.0).build()));
        registry.addConnector(new Connector() {
            @Override
            public String name() {
                return "room";
            }

            @Override
            public String protocol() {
                return "test";
            }

            @Override
            public ConnectorHealth health() {
                return new ConnectorHealth(ConnectorStatus.ONLINE, "", 1L, 2L, Map.of("polls", 7L));
            }

            @Override
            public CompletionStage<WriteOutcome> write(String key, Object value) {
                written.add(value);
                return CompletableFuture.completedFuture(
                        ((Number) value).doubleValue() == 13 ? WriteOutcome.rejected("13 is unlucky") : WriteOutcome.accepted());
            }
        });
        registry.publish(TEMP, new Value(21.5, System.currentTimeMillis()));
        server = ConsoleServer.start(registry, ConsoleServer.defaults(), System::currentTimeMillis);
        FakePlatform platform = new FakePlatform();
        server.console().setBundles(platform);
        server.console().setHistory(platform);
        server.console().setFeatures(new FakeFeatures());
        server.console().metricsSources().add(registry);
        // As ConsoleComponent does in the container.
        registry.addListener(new DatapointListener() {
            @Override
            public void onEvent(DatapointEvent event) {
                server.console().onDatapointEvents(List.of(event));
            }

            @Override
            public void onEvents(List<DatapointEvent> events) {
                server.console().onDatapointEvents(events);
            }
        }, Map.of());
    }

    @Override
    public void close() throws Exception {
        server.close();
        registry.close();
    }
}
