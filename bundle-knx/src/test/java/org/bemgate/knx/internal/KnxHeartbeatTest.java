package org.bemgate.knx.internal;

import static org.bemgate.knx.internal.KnxLoopback.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.TimeUnit;

import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.knx.GroupValue;
import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;

/**
 * A gateway that dies while nothing is sent is found by Calimero's heartbeat alone: a connection-state
 * request every 60 s, four tries of 10 s. Its timers are fixed, so this takes about 100 s and runs only
 * with {@code -Dknx.heartbeatTest=true}; the faster tests find a dead gateway through a write.
 */
public class KnxHeartbeatTest {

    private KnxLoopback net;

    @Before
    public void setUp() throws Exception {
        Assume.assumeTrue("about 100 s: run with -Dknx.heartbeatTest=true", Boolean.getBoolean("knx.heartbeatTest"));
        net = new KnxLoopback();
        net.gateway.setValue("1/1/1", GroupValue.bytes(0x0C, 0x33));
    }

    @After
    public void tearDown() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    public void aSilentGatewayIsFoundByTheHeartbeatAndReconnectedWhenItAnswersAgain() {
        KnxConnector c = net.connector("{\"sensor\": {\"1/1/1\": \"DPST-9-1\"}}");
        await(() -> net.latest("1/1/1") != null, "the start-up read");
        net.gateway.setAnswering(false);
        long start = System.nanoTime();
        long limit = TimeUnit.SECONDS.toNanos(150);
        while (c.health().status() == ConnectorStatus.ONLINE && System.nanoTime() - start < limit) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        System.out.println("silent gateway found OFFLINE after " + seconds + " s: " + c.health().reason());
        assertEquals(ConnectorStatus.OFFLINE, c.health().status());
        assertTrue(c.health().reason(), c.health().reason().contains("lost"));
        assertTrue("the heartbeat was tried", net.gateway.ignored() >= 4);
        net.gateway.setAnswering(true);
        await(() -> c.health().status() == ConnectorStatus.ONLINE, "ONLINE again");
        assertEquals(2, net.gateway.connects());
    }
}
