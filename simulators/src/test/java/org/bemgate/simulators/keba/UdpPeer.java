package org.bemgate.simulators.keba;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The gateway's side in simulator tests: a UDP socket on 127.0.0.1 at the port the box answers to. */
final class UdpPeer implements AutoCloseable {

    private final DatagramSocket socket;

    UdpPeer(int port) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(10_000);
    }

    /** Sends a command from this socket to the box at {@code to}:{@code port}. */
    void send(String text, InetAddress to, int port) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
        socket.send(new DatagramPacket(data, data.length, new InetSocketAddress(to, port)));
    }

    /** @return the next datagram; fails the test if none comes within 10 s */
    String receive() throws IOException {
        byte[] buffer = new byte[1024];
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        socket.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        socket.close();
    }

    /** @return a port that is free on every one of the loopback addresses */
    static int freePortOn(String... hosts) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(hosts[0], 0))) {
                port = probe.getLocalPort();
            }
            if (freeOnAll(port, hosts)) {
                return port;
            }
        }
        throw new IOException("no port free on all of " + String.join(", ", hosts));
    }

    private static boolean freeOnAll(int port, String... hosts) {
        for (String h : hosts) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(h, port))) {
                // free
            } catch (SocketException e) {
                return false;
            }
        }
        return true;
    }

    /** Waits for a condition the simulator's thread makes true; fails after 10 s. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
