package org.bemgate.simulators.knx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

/** A KNXnet/IP client made of bytes, to check the simulator without any KNX library. */
final class RawKnxClient implements AutoCloseable {

    final DatagramSocket socket;
    private final InetSocketAddress server;

    RawKnxClient(KnxIpSimulator sim) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(5000);
        server = new InetSocketAddress(sim.address(), sim.port());
    }

    void send(int serviceType, byte[]... body) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] part : body) {
            b.writeBytes(part);
        }
        byte[] bytes = new KnxNetIpPacket(serviceType, b.toByteArray()).toBytes();
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    void sendRaw(byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    KnxNetIpPacket receive() throws IOException {
        byte[] buf = new byte[512];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        return KnxNetIpPacket.parse(buf, p.getLength());
    }

    /** @return the next packet within the time, or null */
    KnxNetIpPacket receive(int millis) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            return receive();
        } catch (SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout(before);
        }
    }

    byte[] hpai() {
        return KnxNetIpPacket.hpai((InetSocketAddress) socket.getLocalSocketAddress());
    }

    /** Opens a tunnel on the link layer; returns the channel id. */
    int connect() throws IOException {
        send(KnxNetIpPacket.CONNECT_REQUEST, hpai(), hpai(), new byte[] { 4, 4, 2, 0 });
        KnxNetIpPacket r = receive();
        if (r.serviceType() != KnxNetIpPacket.CONNECT_RESPONSE || r.body()[1] != 0) {
            throw new IOException("connect refused: " + r);
        }
        return r.body()[0] & 0xFF;
    }

    void tunnel(int channel, int seq, CemiFrame frame) throws IOException {
        send(KnxNetIpPacket.TUNNELLING_REQUEST, new byte[] { 4, (byte) channel, (byte) seq, 0 }, frame.toBytes());
    }

    void ack(int channel, int seq) throws IOException {
        send(KnxNetIpPacket.TUNNELLING_ACK, new byte[] { 4, (byte) channel, (byte) seq, 0 });
    }

    /** Receives a tunnelling request from the server, acknowledges it, and returns its cEMI frame. */
    CemiFrame receiveFrame(int channel) throws IOException {
        KnxNetIpPacket p = receive();
        if (p.serviceType() != KnxNetIpPacket.TUNNELLING_REQUEST) {
            throw new IOException("expected a tunnelling request, got " + p);
        }
        byte[] b = p.body();
        ack(channel, b[2] & 0xFF);
        return CemiFrame.parse(b, 4, b.length - 4);
    }

    @Override
    public void close() {
        socket.close();
    }
}
