package org.bemgate.simulators.modbus;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.SocketTimeoutException;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class ModbusSimulatorTest {

    private ModbusSimulator sim;

    @Before
    public void setUp() throws IOException {
        sim = new ModbusSimulator("127.0.0.1", 0).start();
    }

    @After
    public void tearDown() {
        sim.close();
    }

    @Test
    public void readsEveryTable() throws Exception {
        sim.bank().setHolding(40000, 0x1234, 0xFFFF);
        sim.bank().setInput(3, 7);
        sim.bank().setCoil(10, true);
        sim.bank().setCoil(12, true);
        sim.bank().setDiscreteInput(0, true);
        try (RawClient c = new RawClient(sim.port(), 2000)) {
            byte[] h = c.send(RawClient.read(3, 40000, 2));
            assertEquals(4, h[1]);
            assertEquals(0x1234, RawClient.register(h, 0));
            assertEquals(0xFFFF, RawClient.register(h, 1));
            assertEquals(7, RawClient.register(c.send(RawClient.read(4, 3, 1)), 0));
            assertArrayEquals(new byte[] { 1, 1, 0b101 }, c.send(RawClient.read(1, 10, 3)));
            assertArrayEquals(new byte[] { 2, 1, 1 }, c.send(RawClient.read(2, 0, 1)));
        }
        assertEquals(4, sim.requests());
    }

    @Test
    public void writesEveryWay() throws Exception {
        try (RawClient c = new RawClient(sim.port(), 2000)) {
            assertArrayEquals(new byte[] { 5, 0, 9, (byte) 0xFF, 0 }, c.send((byte) 5, (byte) 0, (byte) 9, (byte) 0xFF, (byte) 0));
            assertTrue(sim.bank().coil(9));
            c.send((byte) 6, (byte) 0, (byte) 1, (byte) 0x40, (byte) 0x4D);
            assertEquals(0x404D, sim.bank().holding(1));
            assertArrayEquals(new byte[] { 16, 0, 20, 0, 2 }, c.send((byte) 16, (byte) 0, (byte) 20, (byte) 0, (byte) 2, (byte) 4, (byte) 0, (byte) 1, (byte) 0, (byte) 2));
            assertEquals(1, sim.bank().holding(20));
            assertEquals(2, sim.bank().holding(21));
            c.send((byte) 15, (byte) 0, (byte) 30, (byte) 0, (byte) 3, (byte) 1, (byte) 0b110);
            assertFalse(sim.bank().coil(30));
            assertTrue(sim.bank().coil(31));
            assertTrue(sim.bank().coil(32));
        }
    }

    @Test
    public void badRequestsGetTheProtocolsExceptions() throws Exception {
        try (RawClient c = new RawClient(sim.port(), 2000)) {
            assertArrayEquals(new byte[] { (byte) 0x87, 1 }, c.send((byte) 7));
            assertArrayEquals(new byte[] { (byte) 0x83, 3 }, c.send(RawClient.read(3, 0, 126)));
            assertArrayEquals(new byte[] { (byte) 0x83, 2 }, c.send(RawClient.read(3, 65535, 2)));
            assertArrayEquals(new byte[] { (byte) 0x85, 3 }, c.send((byte) 5, (byte) 0, (byte) 1, (byte) 0x12, (byte) 0x34));
        }
    }

    @Test
    public void answersWithAnInjectedException() throws Exception {
        sim.answerWithException(4);
        try (RawClient c = new RawClient(sim.port(), 2000)) {
            assertArrayEquals(new byte[] { (byte) 0x83, 4 }, c.send(RawClient.read(3, 0, 1)));
            sim.answerWithException(0);
            assertEquals(3, c.send(RawClient.read(3, 0, 1))[0]);
        }
    }

    @Test
    public void aSilentDeviceAnswersNothing() throws Exception {
        sim.setSilent(true);
        try (RawClient c = new RawClient(sim.port(), 300)) {
            c.send(RawClient.read(3, 0, 1));
            fail("a silent device answered");
        } catch (SocketTimeoutException expected) {
            assertEquals(1, sim.requests());
        }
    }

    @Test
    public void dropsConnectionsOnDemand() throws Exception {
        sim.setDropOnRequest(true);
        try (RawClient c = new RawClient(sim.port(), 2000)) {
            c.sendRaw(new byte[] { 0, 1, 0, 0, 0, 6, 1, 3, 0, 0, 0, 1 });
            assertEquals(-1, c.read());
        }
        sim.setDropOnRequest(false);
        try (RawClient c = new RawClient(sim.port(), 2000)) {
            c.send(RawClient.read(3, 0, 1));
            sim.dropConnections();
            assertEquals(-1, c.read());
        }
    }

    @Test
    public void aMalformedFrameIsCountedAndTheConnectionClosed() throws Exception {
        try (RawClient c = new RawClient(sim.port(), 2000)) {
            c.sendRaw(new byte[] { 0, 1, 0, 7, 0, 6, 1, 3, 0, 0, 0, 1 });
            assertEquals(-1, c.read());
        }
        assertEquals(1, sim.malformedFrames());
        try (RawClient c = new RawClient(sim.port(), 2000)) {
            assertEquals(3, c.send(RawClient.read(3, 0, 1))[0]);
        }
    }

    @Test
    public void goesDownAndComesBackOnTheSamePort() throws Exception {
        int port = sim.port();
        sim.stop();
        try (RawClient c = new RawClient(port, 500)) {
            fail("connected to a stopped device");
        } catch (IOException expected) {
            // refused
        }
        sim.start();
        assertEquals(port, sim.port());
        try (RawClient c = new RawClient(port, 2000)) {
            assertEquals(3, c.send(RawClient.read(3, 0, 1))[0]);
        }
    }

    @Test
    public void closingLeavesNoThreadAndNoConnection() throws Exception {
        RawClient c = new RawClient(sim.port(), 2000);
        c.send(RawClient.read(3, 0, 1));
        sim.close();
        assertEquals(-1, c.read());
        c.close();
        String prefix = "modbus-sim-" + sim.port();
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(prefix) && t.isAlive()));
        assertEquals(0, sim.openConnections());
    }
}
