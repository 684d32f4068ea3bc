package org.bemgate.keba.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.keba.internal.udp.UdpPortOwner;
import org.bemgate.simulators.keba.KebaSimulator;
import org.junit.Test;
import org.bemgate.testsupport.FreePorts;

/**
 * The components as Declarative Services builds them, on the real clock and their own threads:
 * one poll, one write, and nothing left behind. Only waits for events, never for a time.
 */
public class KebaRealClockTest {

    @Test
    public void pollsWritesAndLeavesNothingBehind() throws Exception {
        int port = FreePorts.on("127.0.0.1", "127.0.0.2");
        DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 1000);
        UdpPortOwner owner = new UdpPortOwner(TestPortConfig.on("127.0.0.1", port));
        try (KebaSimulator box = new KebaSimulator("127.0.0.2", port).replyPort(port).start()) {
            KebaConnector connector = new KebaConnector(registry, owner, TestConfigs.config("name", "garage", "host", "127.0.0.2"));
            registry.addConnector(connector);
            try {
                await(() -> registry.get(DatapointId.of("garage", "garage__report 3__E total")).map(d -> d.value() != null)
                        .orElse(false), "a first poll");
                assertEquals(ConnectorStatus.ONLINE, connector.health().status());
                WriteOutcome w = registry.write(DatapointId.of("garage", "garage__curr"), new Value(16000L, System.currentTimeMillis()))
                        .toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertTrue(w.toString(), w.isAccepted());
                assertEquals(16000, box.wallbox().currUser());
            } finally {
                connector.close();
            }
            // the executor's thread ends just after the executor reports itself terminated
            await(() -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("bemgate-keba-garage") && t.isAlive()), "the connector's thread to end");
        } finally {
            owner.close();
            registry.close();
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("bemgate-keba-udp-") && t.isAlive()));
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            assertEquals("the port is free again", port, again.getLocalPort());
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
