package org.bemgate.controller.internal;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.modbus.internal.ModbusConnector;
import org.bemgate.modbus.internal.ModbusConnectorConfig;
import org.bemgate.simulators.modbus.DemoRoom;
import org.junit.After;
import org.junit.Test;

/**
 * End to end on the demo room over Modbus: a schedule asks 22 °C, a setpoint prefers 21 °C with a band
 * of 19–25 °C. The actuator follows the schedule while the room stays in the band, falls back to the
 * preferred value when a disturbance takes the room out of it, and returns to the schedule after.
 */
public class DemoRoomControlTest {

    private static final DatapointId TEMPERATURE = DatapointId.of("room", "read_input_registers__1__1");
    private static final DatapointId SETPOINT = DatapointId.of("room", "write_register__1__1");

    private final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 1000);
    private final SchedulerTimers timers = new SchedulerTimers();
    private DemoRoom room;
    private ModbusConnector connector;
    private PairController pair;

    @After
    public void tearDown() {
        pair.close();
        timers.close();
        connector.close();
        room.close();
        registry.close();
    }

    @Test
    public void theRoomFollowsTheScheduleInsideTheBandAndThePreferenceOutside() throws Exception {
        room = new DemoRoom("127.0.0.1", 0).start();
        connector = new ModbusConnector(registry, modbusConfig(room.simulator().port()));
        registry.addConnector(connector);
        pair = new PairController("room", TEMPERATURE, SETPOINT, registry, timers);
        pair.start();
        registry.addListener(new DatapointListener() {
            @Override
            public void onEvent(DatapointEvent event) {
                pair.onEvent(event);
            }
        }, Map.of(DatapointListener.DATAPOINTS, new String[] { TEMPERATURE.toString(), SETPOINT.toString() }));

        long now = System.currentTimeMillis();
        registry.setSchedule(SETPOINT, new Schedule(List.of(new ScheduleItem(null, null, 22.0)), now));
        registry.setSetpoint(SETPOINT, new Setpoint(List.of(new SetpointItem(null, null, 21.0, null, 19.0, 25.0)), now));
        await(room::setpoint, 22.0, "the schedule's 22 °C while the room is in the band");

        room.setTemperature(27.0);
        await(room::setpoint, 21.0, "the preferred 21 °C once the room leaves the band");

        // Cooling towards 21 °C, the room re-enters the band within a few seconds.
        await(room::setpoint, 22.0, "the schedule again inside the band");
    }

    private static void await(DoubleSupplier actual, double expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (actual.getAsDouble() != expected) {
            if (System.nanoTime() > deadline) {
                assertEquals(what, expected, actual.getAsDouble(), 0);
            }
            Thread.sleep(20);
        }
    }

    private static ModbusConnectorConfig modbusConfig(int port) {
        Map<String, Object> p = Map.of("name", "room", "host", "127.0.0.1", "port", port, "pollSeconds", 0.1, "timeoutMillis", 1000,
                "config", "{\"read_input_registers\": [{\"address\": 1, \"count\": 1, \"unit\": 1, \"datatypes\": \"e\"}],"
                        + " \"write_register\": [{\"address\": 1, \"unit\": 1, \"datatypes\": \"<e\", \"example_value\": 22.0}]}");
        return (ModbusConnectorConfig) Proxy.newProxyInstance(ModbusConnectorConfig.class.getClassLoader(),
                new Class<?>[] { ModbusConnectorConfig.class },
                (proxy, m, args) -> p.containsKey(m.getName()) ? p.get(m.getName()) : m.getDefaultValue());
    }
}
