package com.example.bemgate.httpmeter.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.junit.After;
import org.junit.Test;

/** Bad configurations: FAILED with a reason naming the property, nothing registered, nothing scheduled. */
public class HttpMeterConfigTest {

    private final MemoryRegistry registry = new MemoryRegistry();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @After
    public void tearDown() {
        executor.shutdownNow();
    }

    private String failure(Object... properties) {
        HttpMeterConnector c = new HttpMeterConnector(registry, TestConfigs.config(properties), executor, System::currentTimeMillis);
        assertEquals(c.health().reason(), ConnectorStatus.FAILED, c.health().status());
        CompletableFuture<WriteOutcome> w = c.write(MeterDatapoints.RELAY, true).toCompletableFuture();
        assertTrue(w.isDone());
        assertEquals(WriteOutcome.Status.FAILED, w.join().status());
        assertTrue(w.join().reason(), w.join().reason().startsWith("the connector is FAILED: "));
        assertTrue("nothing registered", registry.find(org.bemgate.core.api.DatapointFilter.ALL).isEmpty());
        return c.health().reason();
    }

    @Test
    public void eachBadPropertyIsNamed() {
        assertTrue(failure("name", "").startsWith("name: connector name must not be empty"));
        assertTrue(failure("name", "my meter", "url", "http://m").startsWith("name: connector name 'my meter' must not contain"));
        assertEquals("url: not set; give the meter's base URL, such as http://192.168.1.60", failure("name", "m"));
        assertEquals("url: 'ftp://m' must be http:// or https:// followed by a host", failure("name", "m", "url", "ftp://m"));
        assertEquals("url: '192.168.1.60' must be http:// or https:// followed by a host", failure("name", "m", "url", "192.168.1.60"));
        assertTrue(failure("name", "m", "url", "http://m e").startsWith("url: 'http://m e' is not a URL"));
        assertEquals("pollMillis: must be at least 100, not 10", failure("name", "m", "url", "http://m", "pollMillis", 10));
        assertEquals("timeoutMillis: must be within 100–20000, not 50000",
                failure("name", "m", "url", "http://m", "timeoutMillis", 50_000));
    }

    @Test
    public void aGoodConfigurationRegistersEveryDatapointWithoutWaitingForTheMeter() {
        // nothing listens on port 9 of loopback: activation must still return at once
        HttpMeterConnector c = new HttpMeterConnector(registry, TestConfigs.config("name", "m", "url", "http://127.0.0.1:9/"), executor,
                System::currentTimeMillis);
        assertEquals(5, registry.find(org.bemgate.core.api.DatapointFilter.ALL).size());
        assertEquals("W", registry.get(DatapointId.of("m", "power")).orElseThrow().metadata().unit());
        c.close();
    }
}
