package org.bemgate.keba.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.keba.internal.udp.KebaPort;
import org.bemgate.keba.internal.udp.StationLink;
import org.junit.After;
import org.junit.Test;
import org.bemgate.testsupport.VirtualTime;

/** Bad configurations: FAILED with a reason that names the property, nothing sent, the gateway untouched. */
public class KebaConfigTest {

    private final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 1000);
    private final VirtualTime time = new VirtualTime();
    private int registrations;
    private final KebaPort port = new KebaPort() {
        @Override
        public StationLink register(InetAddress station, Consumer<String> receiver) {
            registrations++;
            throw new AssertionError("a FAILED connector must not touch the port");
        }

        @Override
        public int port() {
            return 7090;
        }
    };

    @After
    public void tearDown() {
        registry.close();
    }

    private String failure(Object... properties) {
        KebaConnector c = new KebaConnector(registry, port, TestConfigs.config(properties), time.newScheduler(), System::currentTimeMillis);
        time.runDue();
        assertEquals(c.health().reason(), ConnectorStatus.FAILED, c.health().status());
        CompletableFuture<WriteOutcome> write = c.write("x__curr", 6000L).toCompletableFuture();
        assertTrue("answered at once", write.isDone());
        WriteOutcome w = write.join();
        assertEquals(WriteOutcome.Status.FAILED, w.status());
        c.close();
        assertEquals(0, registrations);
        return c.health().reason();
    }

    @Test
    public void eachBadPropertyIsNamed() {
        assertTrue(failure("name", "k", "host", "", "chargeStations", "").startsWith("host: not set"));
        assertTrue(failure("name", "k", "host", "1.2.3.4", "chargeStations", "{\"a\": \"1.2.3.5\"}")
                .startsWith("host and chargeStations: set one of them, not both"));
        assertTrue(failure("name", "k", "chargeStations", "{\"a\": 5}").startsWith("chargeStations: station 'a'"));
        assertTrue(failure("name", "k", "chargeStations", "{\"a\": \"1.2.3.4\", \"b\": \"1.2.3.4\"}")
                .startsWith("chargeStations: stations 'a' and 'b' both have address 1.2.3.4"));
        assertTrue(failure("name", "k", "chargeStations", "p30=1.2.3.4").startsWith("chargeStations: not valid JSON"));
        assertTrue(failure("name", "k", "host", "1.2.3.4", "pollSeconds", 1.0).startsWith("pollSeconds: at least 5"));
        assertTrue(failure("name", "k", "host", "1.2.3.4", "pollSeconds", Double.NaN).startsWith("pollSeconds"));
        assertTrue(failure("name", "k", "host", "1.2.3.4", "timeoutSeconds", 0.0).startsWith("timeoutSeconds"));
        assertTrue(failure("name", "k", "host", "1.2.3.4", "maxTimeouts", 0).startsWith("maxTimeouts: must be at least 1"));
        assertTrue(failure("name", "my keba", "host", "1.2.3.4").startsWith("name: connector name 'my keba' must not contain"));
        assertTrue(failure("name", "k__x", "host", "1.2.3.4").startsWith("name: station name 'k__x' must not"));
        assertTrue(failure("name", "k", "host", "1.2.3.4", "activeDatapoints", new String[] { "other__curr" })
                .startsWith("activeDatapoints: 'other__curr' does not start with the name of a station"));
    }

    @Test
    public void aFailedConnectorRegistersNoDatapoints() {
        failure("name", "k", "host", "1.2.3.4", "pollSeconds", 1.0);
        assertTrue(registry.get(DatapointId.of("k", "k__curr")).isEmpty());
    }
}
