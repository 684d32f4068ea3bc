package org.bemgate.modbus.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.modbus.internal.codec.ModbusFunction;
import org.junit.After;
import org.junit.Test;

/** The connector's policy against a scripted device: health, retries, recovery, writes, bad config. */
public class ModbusConnectorTest {

    private static final String TWO_RANGES = "{\"read_holding_registers\": [{\"address\": 10, \"count\": 2, \"unit\": 1, \"datatypes\": \">f\"},"
            + " {\"address\": 20, \"count\": 1, \"unit\": 1, \"datatypes\": \">H\"}],"
            + " \"write_register\": [{\"address\": 30, \"unit\": 1, \"datatypes\": \">H\", \"example_value\": 5}]}";

    private final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 1000);
    private final FakeLink link = new FakeLink();
    private ModbusConnector connector;

    @After
    public void tearDown() {
        if (connector != null) {
            connector.close();
        }
        registry.close();
    }

    private ModbusConnector start(String json, Object... overrides) {
        connector = new ModbusConnector(registry, TestConfigs.config(json, overrides), link);
        registry.addConnector(connector);
        return connector;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private Object latest(String key) {
        return registry.get(DatapointId.of("dev", key)).map(d -> d.value() == null ? null : d.value().value()).orElse(null);
    }

    @Test
    public void pollsPublishesAndOffersTheFirstValueAsExample() throws Exception {
        link.set(10, 16816); // 22.1 as >f
        link.set(11, 52429);
        link.set(20, 7);
        start(TWO_RANGES, "activeDatapoints", new String[] { "read_holding_registers__1__10, write_register__1__30" });
        await(() -> connector.health().status() == ConnectorStatus.ONLINE, "ONLINE");
        await(() -> Long.valueOf(7).equals(latest("read_holding_registers__1__20")), "the H value");
        assertEquals(22.1, ((Number) latest("read_holding_registers__1__10")).doubleValue(), 1e-5);
        assertEquals(7L, registry.get(DatapointId.of("dev", "read_holding_registers__1__20")).get().metadata().exampleValue());
        assertTrue(registry.get(DatapointId.of("dev", "read_holding_registers__1__10")).get().active());
        assertTrue(registry.get(DatapointId.of("dev", "write_register__1__30")).get().active());
        assertFalse("not listed, so left inactive", registry.get(DatapointId.of("dev", "read_holding_registers__1__20")).get().active());
        assertTrue(connector.health().lastGoodExchange() > 0);
    }

    @Test
    public void aRefusedRangeDegradesTheDeviceAndTheOtherRangesStillArrive() throws Exception {
        link.set(20, 9);
        link.exceptionAt.put(10, 2);
        start(TWO_RANGES);
        await(() -> connector.health().status() == ConnectorStatus.DEGRADED, "DEGRADED");
        String reason = connector.health().reason();
        assertTrue(reason, reason.contains("read_holding_registers range at address 10"));
        assertTrue(reason, reason.contains("ILLEGAL DATA ADDRESS (2)"));
        await(() -> Long.valueOf(9).equals(latest("read_holding_registers__1__20")), "the other range");
        assertTrue(connector.health().counters().get("exceptionResponses") >= 2);
    }

    @Test
    public void anUnreachableDeviceIsOfflineAndRecoversByItself() throws Exception {
        link.reachable = false;
        start(TWO_RANGES);
        await(() -> connector.health().status() == ConnectorStatus.OFFLINE, "OFFLINE");
        assertTrue(connector.health().reason(), connector.health().reason().contains("Connection refused"));
        assertTrue(connector.health().reason(), connector.health().reason().contains("next attempt in"));
        link.reachable = true;
        link.set(20, 3);
        await(() -> connector.health().status() == ConnectorStatus.ONLINE, "ONLINE again");
        await(() -> Long.valueOf(3).equals(latest("read_holding_registers__1__20")), "values again");
    }

    @Test
    public void writesGoToTheDeviceAndReturnItsAnswer() throws Exception {
        start(TWO_RANGES);
        WriteOutcome ok = registry.write(DatapointId.of("dev", "write_register__1__30"), new org.bemgate.core.api.Value(42, System.currentTimeMillis()))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertTrue(ok.reason(), ok.isAccepted());
        assertEquals(ModbusFunction.WRITE_REGISTER, link.writes().get(0).function());
        assertEquals(42, link.writes().get(0).registers()[0]);

        link.exceptionAt.put(30, 3);
        WriteOutcome refused = connector.write("write_register__1__30", 43).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Status.REJECTED, refused.status());
        assertTrue(refused.reason(), refused.reason().contains("ILLEGAL DATA VALUE (3)"));

        WriteOutcome notAnInt = connector.write("write_register__1__30", "forty").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Status.REJECTED, notAnInt.status());
        WriteOutcome unknown = connector.write("write_register__1__31", 1).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Status.REJECTED, unknown.status());
        assertEquals(1, link.writes().size());
    }

    @Test
    public void theFroniusPowerLimitWritesItsCompanion() throws Exception {
        start("{\"write_register\": [{\"address\": 40242, \"unit\": 1, \"datatypes\": \">H\", \"scaling_factor\": 100,"
                + " \"companion_address\": 40246, \"companion_value\": 1, \"example_value\": 100}]}");
        assertTrue(connector.write("write_register__1__40242", 50).toCompletableFuture().get(5, TimeUnit.SECONDS).isAccepted());
        List<org.bemgate.modbus.internal.codec.WriteRequest> w = link.writes();
        assertEquals(2, w.size());
        assertEquals(40242, w.get(0).address());
        assertEquals(5000, w.get(0).registers()[0]);
        assertEquals(40246, w.get(1).address());
        assertEquals(1, w.get(1).registers()[0]);
    }

    @Test
    public void badConfigurationFailsWithTheProperty() {
        assertFailed(start("{\"read_holding_registers\": [{\"address\": 1, \"count\": 1, \"unit\": 1, \"datatypes\": \">f\"}]}"),
                "config: read_holding_registers range at address 1");
        connector.close();
        assertFailed(start("{not json"), "config:");
        connector.close();
        assertFailed(start("{\"read_holdings\": []}"), "config:");
        connector.close();
        assertFailed(start(TWO_RANGES, "name", "has space"), "name:");
        connector.close();
        assertFailed(start(TWO_RANGES, "host", " "), "host:");
        connector.close();
        assertFailed(start(TWO_RANGES, "activeDatapoints", new String[] { "read_coils__1__1" }), "activeDatapoints:");
        assertEquals(0, link.connects);
    }

    private void assertFailed(ModbusConnector c, String reasonStart) {
        assertEquals(ConnectorStatus.FAILED, c.health().status());
        assertTrue(c.health().reason(), c.health().reason().startsWith(reasonStart));
        WriteOutcome w = c.write("write_register__1__30", 1).toCompletableFuture().join();
        assertEquals(WriteOutcome.Status.FAILED, w.status());
    }

    @Test
    public void closingLeavesNoThread() throws Exception {
        start(TWO_RANGES);
        await(() -> connector.health().status() == ConnectorStatus.ONLINE, "ONLINE");
        connector.close();
        // The executor reports termination just before its worker thread has quite ended: allow it that moment.
        await(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("bemgate-modbus-dev") && t.isAlive()),
                "no poll thread left");
        assertTrue(link.disconnects > 0);
    }
}
