package com.example.bemgate.httpmeter.internal.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.bemgate.core.api.connector.ConnectorStatus;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.example.bemgate.httpmeter.internal.Await;
import com.example.bemgate.httpmeter.internal.Connectors;
import com.example.bemgate.httpmeter.internal.HttpMeterConnector;
import com.example.bemgate.httpmeter.internal.MemoryRegistry;
import com.example.bemgate.httpmeter.internal.TestConfigs;
import com.example.bemgate.httpmeter.simulator.MeterSimulator;

/** httpmeter:status and httpmeter:relay against a running connector and the simulated meter. */
public class CommandsTest {

    private final MemoryRegistry registry = new MemoryRegistry();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private MeterSimulator sim;
    private HttpMeterConnector c;

    @Before
    public void setUp() throws Exception {
        sim = MeterSimulator.start("127.0.0.1", 0);
        c = Connectors.start(registry, TestConfigs.config("name", "garage", "url", sim.url(), "pollMillis", 100), executor);
        registry.add(c);
        Await.until("ONLINE", () -> c.health().status() == ConnectorStatus.ONLINE && registry.latest("garage", "power") != null, c::health);
    }

    @After
    public void tearDown() {
        c.close();
        executor.shutdownNow();
        sim.close();
    }

    private String output() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return s;
    }

    @Test
    public void statusShowsHealthAndValues() {
        StatusCommand.print(registry, null, out);
        String s = output();
        assertTrue(s, s.startsWith("garage  ONLINE\n"));
        assertTrue(s, s.contains("  power = 1500.0 W\n"));
        assertTrue(s, s.contains("  voltage = 230.0 V\n"));
        assertTrue(s, s.contains("  relay = -\n"));
        assertTrue(s, s.contains("  counters {"));
        assertTrue(s, s.endsWith("1 meter\n"));

        StatusCommand.print(registry, "other", out);
        assertEquals("0 meters\n", output());
    }

    @Test
    public void relaySwitchesAndPrintsTheOutcome() throws Exception {
        RelayCommand.run(registry, "garage", "off", out);
        assertEquals("garage/relay off: ACCEPTED\n", output());
        assertFalse(sim.relay());

        sim.fail(MeterSimulator.Fault.RELAY_LOCKED, 1);
        RelayCommand.run(registry, "garage", "on", out);
        assertEquals("garage/relay on: REJECTED POST /api/v1/relay: HTTP 409 relay locked by the local switch\n", output());

        RelayCommand.run(registry, "garage", "maybe", out);
        assertEquals("state: write on or off, not maybe\n", output());
        RelayCommand.run(registry, "nowhere", "on", out);
        assertTrue(output().contains("nowhere/relay"));
    }
}
