package org.bemgate.keba.internal.udp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.bemgate.testsupport.FreePorts;

/** The one owner of the port: routing by source address, sending from the shared port, and letting go. */
public class UdpPortOwnerTest {

    private int port;
    private UdpPortOwner owner;
    private final BlockingQueue<String> fromTwo = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> fromThree = new LinkedBlockingQueue<>();

    @Before
    public void setUp() throws Exception {
        port = FreePorts.on("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4");
    }

    @After
    public void tearDown() {
        if (owner != null) {
            owner.close();
        }
    }

    private static InetAddress ip(String a) throws IOException {
        return InetAddress.getByName(a);
    }

    private void sendFrom(DatagramSocket station, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.US_ASCII);
        station.send(new DatagramPacket(data, data.length, new InetSocketAddress("127.0.0.1", port)));
    }

    private static String poll(BlockingQueue<String> q) throws InterruptedException {
        String s = q.poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("nothing arrived within 10 s");
        }
        return s;
    }

    @Test
    public void datagramsGoToTheStationTheyCameFrom() throws Exception {
        owner = new UdpPortOwner("127.0.0.1", port);
        owner.register(ip("127.0.0.2"), fromTwo::add);
        owner.register(ip("127.0.0.3"), fromThree::add);
        try (DatagramSocket two = new DatagramSocket(new InetSocketAddress("127.0.0.2", port));
                DatagramSocket three = new DatagramSocket(new InetSocketAddress("127.0.0.3", port));
                DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.4", port))) {
            sendFrom(stranger, "{\"State\": 9}");
            sendFrom(three, "{\"State\": 3}");
            sendFrom(two, "{\"State\": 2}");
            assertEquals("{\"State\": 3}", poll(fromThree));
            assertEquals("{\"State\": 2}", poll(fromTwo));
            assertTrue("the stranger's datagram went nowhere", fromTwo.isEmpty() && fromThree.isEmpty());
        }
    }

    @Test
    public void commandsLeaveFromTheSharedPortToTheStationsPort() throws Exception {
        owner = new UdpPortOwner("127.0.0.1", port);
        StationLink link = owner.register(ip("127.0.0.2"), fromTwo::add);
        try (DatagramSocket two = new DatagramSocket(new InetSocketAddress("127.0.0.2", port))) {
            two.setSoTimeout(10_000);
            link.send("report 1");
            DatagramPacket p = new DatagramPacket(new byte[64], 64);
            two.receive(p);
            assertEquals("report 1", new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII));
            assertEquals("some firmware answers only requests from port 7090: send from it", port, p.getPort());
            assertEquals(ip("127.0.0.1"), p.getAddress());
        }
    }

    @Test
    public void anAddressServesOneStationUntilItLeaves() throws Exception {
        owner = new UdpPortOwner("127.0.0.1", port);
        StationLink first = owner.register(ip("127.0.0.2"), fromTwo::add);
        try {
            owner.register(ip("127.0.0.2"), fromThree::add);
            fail("registered twice");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("address 127.0.0.2 is already polled by another KEBA station"));
        }
        first.close();
        owner.register(ip("127.0.0.2"), fromThree::add);
        try (DatagramSocket two = new DatagramSocket(new InetSocketAddress("127.0.0.2", port))) {
            sendFrom(two, "TCH-OK :done\n");
            assertEquals("TCH-OK :done\n", poll(fromThree));
            assertTrue(fromTwo.isEmpty());
        }
    }

    @Test
    public void aPortHeldElsewhereFailsSendsWithTheReasonAndClosingLetsGo() throws Exception {
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            owner = new UdpPortOwner("127.0.0.1", port);
            StationLink link = owner.register(ip("127.0.0.2"), fromTwo::add);
            try {
                link.send("report 1");
                fail("sent without a socket");
            } catch (IOException e) {
                assertTrue(e.getMessage(), e.getMessage().contains(":" + port + " is not bound: "));
            }
        }
        owner.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("bemgate-keba-udp-" + port)
                && t.isAlive()));
        owner = null;
    }

    @Test
    public void closingFreesThePort() throws Exception {
        owner = new UdpPortOwner("127.0.0.1", port);
        assertEquals(port, owner.port());
        owner.close();
        owner = null;
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            assertEquals(port, again.getLocalPort());
        }
    }
}
