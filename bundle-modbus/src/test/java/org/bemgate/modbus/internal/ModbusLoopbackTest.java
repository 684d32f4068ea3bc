package org.bemgate.modbus.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.simulators.modbus.DemoRoom;
import org.bemgate.simulators.modbus.HalfFloats;
import org.bemgate.simulators.modbus.ModbusSimulator;
import org.junit.After;
import org.junit.Test;

/** The connector with j2mod against the simulators over loopback: every function, and every failure. */
public class ModbusLoopbackTest {

    private static final String ALL_FUNCTIONS = "{"
            + "\"read_coils\": [{\"address\": 10, \"count\": 3, \"unit\": 1}],"
            + "\"read_discrete_inputs\": [{\"address\": 0, \"count\": 2, \"unit\": 1}],"
            + "\"read_holding_registers\": [{\"address\": 1000, \"count\": 300, \"unit\": 1, \"datatypes\": \">150f\","
            + "  \"scaling_factors\": {\"1002\": 0.1}}],"
            + "\"read_input_registers\": [{\"address\": 5, \"count\": 1, \"unit\": 1, \"datatypes\": \">h\"}],"
            + "\"write_coil\": [{\"address\": 20, \"unit\": 1, \"example_value\": true}],"
            + "\"write_register\": [{\"address\": 30, \"unit\": 1, \"datatypes\": \">H\", \"example_value\": 1}],"
            + "\"write_registers\": [{\"address\": 40, \"unit\": 1, \"datatypes\": \">f\", \"example_value\": 1.5}]}";

    private final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 10_000);
    private ModbusSimulator sim;
    private DemoRoom room;
    private ModbusConnector connector;

    @After
    public void tearDown() {
        if (connector != null) {
            connector.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (room != null) {
            room.close();
        }
        registry.close();
    }

    private ModbusConnector start(int port, String json, Object... overrides) {
        Object[] all = new Object[overrides.length + 2];
        all[0] = "port";
        all[1] = port;
        System.arraycopy(overrides, 0, all, 2, overrides.length);
        ModbusConnectorConfig cfg = TestConfigs.config(json, all);
        connector = new ModbusConnector(registry, cfg);
        registry.addConnector(connector);
        return connector;
    }

    private Object latest(String key) {
        return registry.get(DatapointId.of("dev", key)).map(d -> d.value() == null ? null : d.value().value()).orElse(null);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private WriteOutcome write(String key, Object value) throws Exception {
        return registry.write(DatapointId.of("dev", key), new Value(value, System.currentTimeMillis()))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    public void theDemoRoomsTemperatureArrivesAndFollowsAWrittenSetpoint() throws Exception {
        room = new DemoRoom("127.0.0.1", 0).start();
        start(room.simulator().port(), "{\"read_input_registers\": [{\"address\": 1, \"count\": 1, \"unit\": 1, \"datatypes\": \"e\"}],"
                + " \"write_register\": [{\"address\": 1, \"unit\": 1, \"datatypes\": \"<e\", \"example_value\": \"22.0\"}]}");
        await(() -> latest("read_input_registers__1__1") != null, "the room temperature");
        double first = ((Number) latest("read_input_registers__1__1")).doubleValue();
        assertTrue("starts at 21 and moves towards 24: " + first, first >= 21.0 && first <= 24.0);
        assertTrue(write("write_register__1__1", 18.7).isAccepted());
        assertEquals(18.703125, room.setpoint(), 0);
        room.tick();
        room.tick();
        await(() -> ((Number) latest("read_input_registers__1__1")).doubleValue() < first, "the temperature falling towards 18.7");
    }

    @Test
    public void readsAndWritesWithAllSevenFunctions() throws Exception {
        sim = new ModbusSimulator("127.0.0.1", 0).start();
        sim.bank().setCoil(11, true);
        sim.bank().setDiscreteInput(1, true);
        for (int i = 0; i < 150; i++) {
            int bits = Float.floatToIntBits(i + 0.5f);
            sim.bank().setHolding(1000 + 2 * i, bits >>> 16, bits & 0xFFFF);
        }
        sim.bank().setInput(5, -3);
        start(sim.port(), ALL_FUNCTIONS);
        await(() -> latest("read_input_registers__1__5") != null, "a poll");
        assertEquals(false, latest("read_coils__1__10"));
        assertEquals(true, latest("read_coils__1__11"));
        assertEquals(true, latest("read_discrete_inputs__1__1"));
        assertEquals(-3L, latest("read_input_registers__1__5"));
        assertEquals(0.5, ((Number) latest("read_holding_registers__1__1000")).doubleValue(), 0);
        assertEquals("scaled by 0.1", 0.15, ((Number) latest("read_holding_registers__1__1002")).doubleValue(), 1e-9);
        assertEquals("beyond one request's 125 registers", 149.5, ((Number) latest("read_holding_registers__1__1298")).doubleValue(), 0);

        assertTrue(write("write_coil__1__20", true).isAccepted());
        assertTrue(sim.bank().coil(20));
        assertTrue(write("write_register__1__30", 65535).isAccepted());
        assertEquals(65535, sim.bank().holding(30));
        assertTrue(write("write_registers__1__40", 22.1).isAccepted());
        assertEquals(16816, sim.bank().holding(40));
        assertEquals(52429, sim.bank().holding(41));
        assertEquals(ConnectorStatus.ONLINE, connector.health().status());
    }

    @Test
    public void aDeviceDownIsOfflineAndRecoversWhenItComesBack() throws Exception {
        sim = new ModbusSimulator("127.0.0.1", 0).start();
        start(sim.port(), ALL_FUNCTIONS);
        await(() -> connector.health().status() == ConnectorStatus.ONLINE, "ONLINE");
        sim.stop();
        await(() -> connector.health().status() == ConnectorStatus.OFFLINE, "OFFLINE");
        assertTrue(connector.health().reason(), connector.health().reason().contains("next attempt"));
        WriteOutcome w = write("write_register__1__30", 1);
        assertEquals(WriteOutcome.Status.FAILED, w.status());
        sim.start();
        await(() -> connector.health().status() == ConnectorStatus.ONLINE, "ONLINE again");
    }

    @Test
    public void exceptionResponsesAreReportedByName() throws Exception {
        sim = new ModbusSimulator("127.0.0.1", 0).start();
        sim.answerWithException(2);
        start(sim.port(), ALL_FUNCTIONS);
        await(() -> connector.health().status() == ConnectorStatus.DEGRADED, "DEGRADED");
        assertTrue(connector.health().reason(), connector.health().reason().contains("ILLEGAL DATA ADDRESS (2)"));
        WriteOutcome w = write("write_register__1__30", 1);
        assertEquals(WriteOutcome.Status.REJECTED, w.status());
        assertTrue(w.reason(), w.reason().contains("ILLEGAL DATA ADDRESS (2)"));
        sim.answerWithException(0);
        await(() -> connector.health().status() == ConnectorStatus.ONLINE, "ONLINE");
    }

    @Test
    public void aSilentDeviceTimesOutAndIsOffline() throws Exception {
        sim = new ModbusSimulator("127.0.0.1", 0).start();
        start(sim.port(), ALL_FUNCTIONS);
        await(() -> connector.health().status() == ConnectorStatus.ONLINE, "ONLINE");
        sim.setSilent(true);
        await(() -> connector.health().status() == ConnectorStatus.OFFLINE, "OFFLINE");
        sim.setSilent(false);
        await(() -> connector.health().status() == ConnectorStatus.ONLINE, "ONLINE again");
    }

    @Test
    public void droppedConnectionsAreReopened() throws Exception {
        sim = new ModbusSimulator("127.0.0.1", 0).start();
        start(sim.port(), ALL_FUNCTIONS);
        await(() -> connector.health().status() == ConnectorStatus.ONLINE, "ONLINE");
        long before = sim.connections();
        sim.dropConnections();
        sim.setDropOnRequest(true);
        await(() -> connector.health().status() == ConnectorStatus.OFFLINE, "OFFLINE");
        sim.setDropOnRequest(false);
        await(() -> connector.health().status() == ConnectorStatus.ONLINE, "ONLINE again");
        assertTrue(sim.connections() > before);
    }

    @Test
    public void deactivationLeavesNoThreadAndNoSocket() throws Exception {
        sim = new ModbusSimulator("127.0.0.1", 0).start();
        start(sim.port(), ALL_FUNCTIONS);
        await(() -> connector.health().status() == ConnectorStatus.ONLINE, "ONLINE");
        assertEquals(1, sim.openConnections());
        connector.close();
        connector = null;
        await(() -> sim.openConnections() == 0, "the device to see the connection closed");
        // The executor reports termination just before its worker thread has quite ended: allow it that moment.
        await(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("bemgate-modbus-") && t.isAlive()),
                "no poll thread left");
    }
}
