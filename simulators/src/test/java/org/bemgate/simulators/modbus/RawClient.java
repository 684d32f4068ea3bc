package org.bemgate.simulators.modbus;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;

/** A minimal Modbus TCP client on a raw socket, so the simulator is checked without j2mod. */
final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private int transaction = 100;

    RawClient(int port, int timeoutMillis) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(timeoutMillis);
        in = new DataInputStream(socket.getInputStream());
    }

    /** Sends a PDU to unit 1; returns the response PDU after checking the MBAP header. */
    byte[] send(byte... pdu) throws IOException {
        int tid = ++transaction;
        ByteBuffer b = ByteBuffer.allocate(7 + pdu.length);
        b.putShort((short) tid).putShort((short) 0).putShort((short) (pdu.length + 1)).put((byte) 1).put(pdu);
        sendRaw(b.array());
        int rtid = in.readUnsignedShort();
        if (rtid != tid) {
            throw new AssertionError("transaction id " + rtid + " answered to " + tid);
        }
        if (in.readUnsignedShort() != 0) {
            throw new AssertionError("protocol id not 0");
        }
        int length = in.readUnsignedShort();
        if (in.readUnsignedByte() != 1) {
            throw new AssertionError("unit id not echoed");
        }
        byte[] out = new byte[length - 1];
        in.readFully(out);
        return out;
    }

    void sendRaw(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** @return -1 at end of stream */
    int read() throws IOException {
        return in.read();
    }

    static byte[] read(int fc, int address, int count) {
        return new byte[] { (byte) fc, (byte) (address >> 8), (byte) address, (byte) (count >> 8), (byte) count };
    }

    static int register(byte[] response, int i) {
        return ((response[2 + 2 * i] & 0xFF) << 8) | (response[3 + 2 * i] & 0xFF);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
