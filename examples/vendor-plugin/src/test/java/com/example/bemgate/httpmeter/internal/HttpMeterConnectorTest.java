package com.example.bemgate.httpmeter.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.example.bemgate.httpmeter.simulator.MeterSimulator;
import com.example.bemgate.httpmeter.simulator.MeterSimulator.Fault;

/** The connector against the simulated meter over loopback: values, relay writes, faults, recovery and a clean stop. */
public class HttpMeterConnectorTest {

    private final MemoryRegistry registry = new MemoryRegistry();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private MeterSimulator sim;
    private HttpMeterConnector c;

    @Before
    public void setUp() throws Exception {
        sim = MeterSimulator.start("127.0.0.1", 0);
    }

    @After
    public void tearDown() {
        if (c != null) {
            c.close();
        }
        executor.shutdownNow();
        sim.close();
    }

    private HttpMeterConnector start(Object... properties) {
        Object[] all = new Object[properties.length + 6];
        System.arraycopy(new Object[] { "name", "m1", "url", sim.url(), "pollMillis", 100 }, 0, all, 0, 6);
        System.arraycopy(properties, 0, all, 6, properties.length);
        c = new HttpMeterConnector(registry, TestConfigs.config(all), executor, System::currentTimeMillis);
        registry.add(c);
        return c;
    }

    private void awaitStatus(ConnectorStatus status) throws InterruptedException {
        Await.until(status.toString(), () -> c.health().status() == status, () -> c.health());
    }

    @Test
    public void valuesArePolledAndPublished() throws Exception {
        start();
        assertEquals(ConnectorStatus.STARTING, c.health().status());
        awaitStatus(ConnectorStatus.ONLINE);
        assertEquals(1500.0, registry.latest("m1", "power"));
        assertEquals(230.0, registry.latest("m1", "voltage"));
        assertEquals(true, registry.latest("m1", "relayState"));
        double energy = (Double) registry.latest("m1", "energy");
        assertTrue("Wh as the meter gives it: " + energy, energy > 123_456.0 && energy < 123_457.0);
        Await.until("polled again", () -> sim.requests("GET /api/v1/reading") >= 3, sim::requests);
        assertTrue(c.health().lastGoodExchange() > 0);
        assertEquals("", c.health().reason());
    }

    @Test
    public void theRelayIsSwitchedAndTheOutcomeReported() throws Exception {
        start();
        awaitStatus(ConnectorStatus.ONLINE);
        WriteOutcome off = registry.write(org.bemgate.core.api.DatapointId.of("m1", "relay"), new org.bemgate.core.api.Value(false, 1))
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertTrue(off.reason(), off.isAccepted());
        assertFalse(sim.relay());
        assertEquals(false, registry.latest("m1", "relayState"));
        assertTrue(sim.requests().contains("POST /api/v1/relay {\"on\":false}"));
        Await.until("no power with the relay open", () -> Double.valueOf(0).equals(registry.latest("m1", "power")), sim::requests);

        sim.fail(Fault.RELAY_LOCKED, 1);
        WriteOutcome locked = c.write("relay", true).toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Status.REJECTED, locked.status());
        assertEquals("POST /api/v1/relay: HTTP 409 relay locked by the local switch", locked.reason());

        sim.fail(Fault.HTTP_500, 1);
        WriteOutcome broken = c.write("relay", true).toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Status.FAILED, broken.status());
        assertEquals("POST /api/v1/relay: HTTP 500 internal error", broken.reason());

        assertEquals(WriteOutcome.rejected("relay: write true or false, not 1"), c.write("relay", 1).toCompletableFuture().join());
        assertEquals(WriteOutcome.rejected("'power' is not an actuator of m1"), c.write("power", true).toCompletableFuture().join());
        assertFalse("nothing sent for the refused values", sim.relay());
        assertEquals(Long.valueOf(3), c.health().counters().get("rejectedWrites"));
        assertEquals(Long.valueOf(1), c.health().counters().get("failedWrites"));
    }

    @Test
    public void errorsMakeItOfflineWithGrowingPausesAndItRecoversByItself() throws Exception {
        sim.fail(Fault.HTTP_500, 2);
        start();
        awaitStatus(ConnectorStatus.OFFLINE);
        assertEquals("GET /api/v1/reading: HTTP 500 internal error (next attempt in 200 ms)", c.health().reason());
        awaitStatus(ConnectorStatus.ONLINE);
        assertEquals(Long.valueOf(2), c.health().counters().get("errors"));
        assertEquals(Long.valueOf(2), c.health().counters().get("httpErrors"));

        sim.fail(Fault.INVALID_JSON, 1);
        awaitStatus(ConnectorStatus.OFFLINE);
        assertEquals("GET /api/v1/reading: invalid answer: not valid JSON: member name expected at character 14 (next attempt in 200 ms)",
                c.health().reason());
        awaitStatus(ConnectorStatus.ONLINE);
        assertEquals(Long.valueOf(1), c.health().counters().get("invalidReplies"));
    }

    @Test
    public void aSlowMeterTimesOutAndAStoppedOneIsUnreachable() throws Exception {
        sim.answerDelay(1_000);
        start("timeoutMillis", 200);
        awaitStatus(ConnectorStatus.OFFLINE);
        assertTrue(c.health().reason(), c.health().reason().startsWith("GET /api/v1/reading: no answer within 200 ms"));
        sim.answerDelay(0);
        awaitStatus(ConnectorStatus.ONLINE);

        sim.close();
        awaitStatus(ConnectorStatus.OFFLINE);
        assertTrue(c.health().reason(), c.health().reason().startsWith("GET /api/v1/reading: cannot reach " + sim.url()));
        WriteOutcome w = c.write("relay", true).toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Status.FAILED, w.status());
    }

    @Test
    public void closeStopsThePollingAndFailsLaterWrites() throws Exception {
        ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor();
        HttpMeterConnector stopped = new HttpMeterConnector(registry, TestConfigs.config("name", "m2", "url", sim.url(), "pollMillis", 100),
                own, System::currentTimeMillis);
        Await.until("ONLINE", () -> stopped.health().status() == ConnectorStatus.ONLINE, stopped::health);
        stopped.close();
        assertTrue(own.isTerminated());
        long polls = sim.requests("GET /api/v1/reading");
        Thread.sleep(300);
        assertEquals("no poll after close", polls, sim.requests("GET /api/v1/reading"));
        WriteOutcome w = stopped.write("relay", false).toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Status.FAILED, w.status());
        assertTrue(sim.relay());
    }
}
