package org.bemgate.simulators.modbus;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Modbus TCP server on plain sockets (deliberately not j2mod, so it can misbehave on demand):
 * function codes 1–6, 15 and 16 against a {@link RegisterBank}, any unit id, many clients, a thread
 * per connection. Tests make it answer with an exception code, go silent, drop connections, or go
 * down and come back on the same port.
 */
public final class ModbusSimulator implements AutoCloseable {

    private static final int MAX_ADU_LENGTH = 254;

    private final InetAddress host;
    private final RegisterBank bank = new RegisterBank();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile ModbusPdu.WriteHook writeHook;
    private volatile int exceptionCode;
    private volatile boolean silent;
    private volatile boolean dropOnRequest;
    private volatile ServerSocket server;
    private int port;

    /**
     * @param host the address to listen on, such as 127.0.0.1
     * @param port the port; 0 takes a free one, kept across {@link #stop()} and {@link #start()}
     */
    public ModbusSimulator(String host, int port) throws IOException {
        this.host = InetAddress.getByName(host);
        this.port = port;
    }

    /** Listens; on the same port as before after a {@link #stop()}. */
    public synchronized ModbusSimulator start() throws IOException {
        if (server != null) {
            return this;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(host, port));
        port = s.getLocalPort();
        server = s;
        spawn("accept", () -> accept(s));
        return this;
    }

    /** Closes the listening socket and every connection, as a device that is switched off. */
    public synchronized void stop() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            closeQuietly(s);
        }
        dropConnections();
        for (Thread t : threads) {
            if (t != Thread.currentThread()) {
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** @return the port it listens on */
    public int port() {
        return port;
    }

    /** @return the device's tables */
    public RegisterBank bank() {
        return bank;
    }

    /** Tells a device model about holding registers clients wrote. */
    public void onWrite(ModbusPdu.WriteHook hook) {
        this.writeHook = hook;
    }

    /** Answers every request with this exception code from now on; 0 answers normally again. */
    public void answerWithException(int code) {
        this.exceptionCode = code;
    }

    /** Reads requests but answers none while set, as a device that hangs. */
    public void setSilent(boolean silent) {
        this.silent = silent;
    }

    /** Closes the connection on every request while set, before answering. */
    public void setDropOnRequest(boolean drop) {
        this.dropOnRequest = drop;
    }

    /** Closes every client connection now; the server keeps listening. */
    public void dropConnections() {
        for (Socket c : clients) {
            closeQuietly(c);
        }
    }

    /** @return requests received since start */
    public long requests() {
        return requests.get();
    }

    /** @return frames that were not Modbus TCP (bad protocol id or length) */
    public long malformedFrames() {
        return malformed.get();
    }

    /** @return connections accepted since start */
    public long connections() {
        return connections.get();
    }

    /** @return client connections open now */
    public int openConnections() {
        return clients.size();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                c.setTcpNoDelay(true);
                clients.add(c);
                connections.incrementAndGet();
                spawn("client-" + c.getPort(), () -> serve(c));
            } catch (IOException e) {
                // closed by stop(); any other accept failure also ends this listener
                return;
            }
        }
    }

    private void serve(Socket c) {
        try (c) {
            DataInputStream in = new DataInputStream(c.getInputStream());
            OutputStream out = c.getOutputStream();
            while (true) {
                int transaction = in.readUnsignedShort();
                int protocol = in.readUnsignedShort();
                int length = in.readUnsignedShort();
                if (protocol != 0 || length < 2 || length > MAX_ADU_LENGTH) {
                    // Without a trustworthy length the stream cannot be resynchronised: drop it.
                    malformed.incrementAndGet();
                    return;
                }
                int unit = in.readUnsignedByte();
                byte[] pdu = new byte[length - 1];
                in.readFully(pdu);
                requests.incrementAndGet();
                if (dropOnRequest) {
                    return;
                }
                if (silent) {
                    continue;
                }
                int code = exceptionCode;
                byte[] answer = code != 0 ? ModbusPdu.exception(pdu[0] & 0xFF, code) : ModbusPdu.answer(pdu, bank, writeHook);
                ByteBuffer adu = ByteBuffer.allocate(7 + answer.length);
                adu.putShort((short) transaction).putShort((short) 0).putShort((short) (answer.length + 1)).put((byte) unit).put(answer);
                out.write(adu.array());
                out.flush();
            }
        } catch (EOFException | SocketException closed) {
            // the client left, or stop()/dropConnections() closed the socket
        } catch (IOException e) {
            // same: the connection is gone
        } finally {
            clients.remove(c);
        }
    }

    private void spawn(String what, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, "modbus-sim-" + port + "-" + what);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
