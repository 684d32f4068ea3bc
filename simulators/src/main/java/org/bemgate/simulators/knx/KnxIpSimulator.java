package org.bemgate.simulators.knx;

import static org.bemgate.simulators.knx.KnxNetIpPacket.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A KNX IP interface with a simulated TP1 line behind it, speaking KNXnet/IP tunnelling (v1) over UDP:
 * connect, connection state (heartbeat), disconnect, tunnelling requests and acknowledgements with
 * sequence counters in both directions, cEMI L_Data.req answered by L_Data.con, and a minimal
 * description and search response. Device management connections are accepted so that clients which
 * configure the link through one (Calimero does) carry on; every property read or write on them is
 * answered "no such property", so clients keep their defaults.
 *
 * <p>The line keeps one value per group address. A client's group write sets it; a client's group read
 * is answered with a GroupValueResponse from device {@value #DEVICE} if the address has a value (as a
 * bus device that owns it would). {@link #emitGroupWrite} plays a bus device sending a value. Every
 * telegram a client sends is shown to the other clients as an L_Data.ind, as on a real line.
 *
 * <p>Fault modes: {@link #setAnswering(boolean) stop answering} (a gateway that died or a cut cable),
 * confirmations that are negative or never come, group addresses nobody answers, refused connections,
 * and a gateway-initiated {@link #disconnectAll() disconnect}. Server-to-client requests that are not
 * acknowledged are repeated once after 1 s and then end the connection, as the specification says;
 * a client that sends no connection-state request for {@link #connectionTimeoutMillis(long) 120 s} is
 * dropped.
 */
public final class KnxIpSimulator implements AutoCloseable {

    /** The KNXnet/IP port. */
    public static final int DEFAULT_PORT = 3671;
    /** The individual address of the simulated bus device that answers reads and emits writes. */
    public static final String DEVICE = "1.1.10";

    private static final int SERVER_ADDRESS = KnxAddresses.individual("1.1.0");
    private static final int FIRST_TUNNEL_ADDRESS = KnxAddresses.individual("1.1.250");
    private static final int TUNNEL_CONNECTION = 0x04;
    private static final int DEVICE_MGMT_CONNECTION = 0x03;
    private static final int M_PROP_READ_REQ = 0xFC;
    private static final int M_PROP_READ_CON = 0xFB;
    private static final int M_PROP_WRITE_REQ = 0xF6;
    private static final int M_PROP_WRITE_CON = 0xF5;
    /** cEMI error code: the property does not exist. */
    private static final int VOID_DP = 0x07;
    private static final int LINK_LAYER = 0x02;
    private static final long ACK_TIMEOUT_MILLIS = 1000;
    private static final System.Logger LOG = System.getLogger(KnxIpSimulator.class.getName());

    /** How the interface confirms the frames clients ask it to send. */
    public enum Confirmations {
        /** L_Data.con with the error bit clear: the frame went on the bus. */
        POSITIVE,
        /** L_Data.con with the error bit set: the frame could not be sent (no bus, busy line). */
        NEGATIVE,
        /** No L_Data.con at all; the tunnelling request itself is still acknowledged. */
        NONE
    }

    /**
     * A group telegram a client sent.
     *
     * @param apci {@link CemiFrame#GROUP_READ}, {@link CemiFrame#GROUP_WRITE} or {@link CemiFrame#GROUP_RESPONSE}
     * @param group the destination, such as {@code 1/2/3}
     * @param value the value; null for a read
     */
    public record Telegram(int apci, String group, GroupValue value) {
    }

    private static final class Client {
        final int channel;
        final InetSocketAddress control;
        final InetSocketAddress data;
        final int address;
        final boolean management;
        final Deque<byte[]> queue = new ArrayDeque<>();
        int expectedSeq;
        int sendSeq;
        byte[] pending;
        long pendingSince;
        int attempts;
        long lastHeard;

        Client(int channel, InetSocketAddress control, InetSocketAddress data, int address, boolean management, long now) {
            this.channel = channel;
            this.control = control;
            this.data = data;
            this.address = address;
            this.management = management;
            this.lastHeard = now;
        }
    }

    private final InetAddress host;
    private final int maxConnections;
    private final Map<Integer, GroupValue> values = new ConcurrentHashMap<>();
    private final Set<Integer> unanswered = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Client> clients = new LinkedHashMap<>();
    private final List<Telegram> telegrams = new ArrayList<>();
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger connectionStateRequests = new AtomicInteger();
    private final AtomicInteger disconnects = new AtomicInteger();
    private final AtomicInteger ignored = new AtomicInteger();
    private final AtomicInteger malformed = new AtomicInteger();
    private volatile boolean answering = true;
    private volatile boolean refuseConnections;
    private volatile Confirmations confirmations = Confirmations.POSITIVE;
    private volatile long connectionTimeoutMillis = 120_000;
    private int nextChannel = 1;
    private int port;
    private DatagramSocket socket;
    private Thread receiver;

    /**
     * @param host the address to listen on, such as 127.0.0.1
     * @param port the port; 0 takes a free one, kept across {@link #stop()} and {@link #start()}
     */
    public KnxIpSimulator(String host, int port) throws IOException {
        this(host, port, 4);
    }

    /**
     * @param host the address to listen on
     * @param port the port; 0 takes a free one
     * @param maxConnections how many tunnels the interface offers at once
     */
    public KnxIpSimulator(String host, int port, int maxConnections) throws IOException {
        this.host = InetAddress.getByName(host);
        this.port = port;
        this.maxConnections = maxConnections;
    }

    /** Listens; on the same port as before after a {@link #stop()}. */
    public synchronized KnxIpSimulator start() throws IOException {
        if (socket != null) {
            return this;
        }
        DatagramSocket s = new DatagramSocket(null);
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(host, port));
        s.setSoTimeout(100);
        port = s.getLocalPort();
        socket = s;
        receiver = new Thread(() -> serve(s), "knx-sim-" + host.getHostAddress() + ":" + port);
        receiver.setDaemon(true);
        receiver.start();
        return this;
    }

    /** Closes the socket and forgets every connection, as an interface that is switched off. */
    public void stop() {
        DatagramSocket s;
        Thread r;
        synchronized (this) {
            s = socket;
            r = receiver;
            socket = null;
            clients.clear();
        }
        if (s != null) {
            s.close();
            try {
                r.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---- the simulated line ---------------------------------------------------------------------

    /**
     * Sets the value a group address holds, without a telegram.
     *
     * @param group such as {@code 1/2/3}
     * @param value the value
     */
    public void setValue(String group, GroupValue value) {
        values.put(KnxAddresses.group(group), value);
    }

    /** @param group a group address @return its value, or null if it has none */
    public GroupValue value(String group) {
        return values.get(KnxAddresses.group(group));
    }

    /** @param group a group address whose reads nobody answers from now on (a device that is missing) */
    public void leaveUnanswered(String group) {
        unanswered.add(KnxAddresses.group(group));
    }

    /**
     * A bus device sends a GroupValueWrite: the value is stored and every connected client receives it.
     *
     * @param group the destination
     * @param value the value
     */
    public synchronized void emitGroupWrite(String group, GroupValue value) {
        int ga = KnxAddresses.group(group);
        values.put(ga, value);
        CemiFrame ind = CemiFrame.group(CemiFrame.L_DATA_IND, KnxAddresses.individual(DEVICE), ga, CemiFrame.GROUP_WRITE, value);
        for (Client c : tunnels()) {
            enqueue(c, ind);
        }
    }

    // ---- fault modes ----------------------------------------------------------------------------

    /**
     * @param on false: read every datagram and send nothing at all, as a gateway that died; true: serve again,
     *        with the connections it had
     */
    public void setAnswering(boolean on) {
        answering = on;
    }

    /** @param mode how L_Data.req frames are confirmed from now on */
    public void setConfirmations(Confirmations mode) {
        confirmations = mode;
    }

    /** @param refuse true: answer connect requests with E_NO_MORE_CONNECTIONS */
    public void refuseConnections(boolean refuse) {
        refuseConnections = refuse;
    }

    /** @param millis how long a connection lives without a connection-state request (the specification's 120 s by default) */
    public void connectionTimeoutMillis(long millis) {
        connectionTimeoutMillis = millis;
    }

    /** Ends every connection with a DISCONNECT_REQUEST from the interface, as a gateway that restarts. */
    public synchronized void disconnectAll() {
        for (Client c : List.copyOf(clients.values())) {
            disconnect(c);
        }
    }

    // ---- observations ---------------------------------------------------------------------------

    /** @return the port it listens on */
    public int port() {
        return port;
    }

    /** @return the address it listens on */
    public InetAddress address() {
        return host;
    }

    /** @return connections accepted so far */
    public int connects() {
        return connects.get();
    }

    /** @return connection-state requests (heartbeats) received so far */
    public int connectionStateRequests() {
        return connectionStateRequests.get();
    }

    /** @return tunnels that clients disconnected so far */
    public int disconnects() {
        return disconnects.get();
    }

    /** @return datagrams read and dropped while not answering */
    public int ignored() {
        return ignored.get();
    }

    /** @return datagrams that were not valid KNXnet/IP */
    public int malformed() {
        return malformed.get();
    }

    /** @return the number of open tunnels (device management connections not counted) */
    public synchronized int connections() {
        return tunnels().size();
    }

    /** @return every group telegram clients sent, in order */
    public synchronized List<Telegram> telegrams() {
        return List.copyOf(telegrams);
    }

    // ---- the server -----------------------------------------------------------------------------

    private void serve(DatagramSocket s) {
        byte[] buf = new byte[512];
        while (!s.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                housekeeping(s);
                continue;
            } catch (IOException e) {
                if (!s.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "KNX simulator: receive failed: {0}", e.toString());
                }
                return;
            }
            if (!answering) {
                ignored.incrementAndGet();
                continue;
            }
            InetSocketAddress sender = (InetSocketAddress) p.getSocketAddress();
            try {
                handle(s, KnxNetIpPacket.parse(buf, p.getLength()), sender);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                malformed.incrementAndGet();
                LOG.log(System.Logger.Level.DEBUG, "KNX simulator: dropped a datagram from {0}: {1}", sender, e.getMessage());
            }
            housekeeping(s);
        }
    }

    private synchronized void handle(DatagramSocket s, KnxNetIpPacket packet, InetSocketAddress sender) {
        byte[] b = packet.body();
        switch (packet.serviceType()) {
            case SEARCH_REQUEST -> send(KnxNetIpPacket.endpoint(b, 0, sender),
                    new KnxNetIpPacket(SEARCH_RESPONSE, concat(hpai(local()), deviceDib(), serviceFamiliesDib())));
            case DESCRIPTION_REQUEST -> send(KnxNetIpPacket.endpoint(b, 0, sender),
                    new KnxNetIpPacket(DESCRIPTION_RESPONSE, concat(deviceDib(), serviceFamiliesDib())));
            case CONNECT_REQUEST -> connect(b, sender);
            case CONNECTIONSTATE_REQUEST -> {
                connectionStateRequests.incrementAndGet();
                Client c = clients.get(b[0] & 0xFF);
                if (c != null) {
                    c.lastHeard = now();
                }
                send(KnxNetIpPacket.endpoint(b, 2, sender), new KnxNetIpPacket(CONNECTIONSTATE_RESPONSE,
                        new byte[] { b[0], (byte) (c == null ? E_CONNECTION_ID : E_NO_ERROR) }));
            }
            case DISCONNECT_REQUEST -> {
                Client c = clients.remove(b[0] & 0xFF);
                if (c != null && !c.management) {
                    disconnects.incrementAndGet();
                }
                send(KnxNetIpPacket.endpoint(b, 2, sender), new KnxNetIpPacket(DISCONNECT_RESPONSE,
                        new byte[] { b[0], (byte) (c == null ? E_CONNECTION_ID : E_NO_ERROR) }));
            }
            case DISCONNECT_RESPONSE -> {
                // the answer to our own disconnect: the client is already gone
            }
            case TUNNELLING_REQUEST -> tunnellingRequest(b);
            case TUNNELLING_ACK, DEVICE_CONFIGURATION_ACK -> tunnellingAck(b);
            case DEVICE_CONFIGURATION_REQUEST -> deviceConfigurationRequest(b);
            default -> malformed.incrementAndGet();
        }
    }

    private void connect(byte[] b, InetSocketAddress sender) {
        InetSocketAddress control = KnxNetIpPacket.endpoint(b, 0, sender);
        InetSocketAddress data = KnxNetIpPacket.endpoint(b, 8, sender);
        int criLength = b[16] & 0xFF;
        int type = b[17] & 0xFF;
        int status = E_NO_ERROR;
        boolean management = type == DEVICE_MGMT_CONNECTION;
        if (type != TUNNEL_CONNECTION && !management) {
            status = E_CONNECTION_TYPE;
        } else if (!management && (criLength < 4 || (b[18] & 0xFF) != LINK_LAYER)) {
            status = E_TUNNELLING_LAYER;
        } else if (refuseConnections || !management && tunnels().size() >= maxConnections) {
            status = E_NO_MORE_CONNECTIONS;
        }
        if (status != E_NO_ERROR) {
            send(control, new KnxNetIpPacket(CONNECT_RESPONSE, new byte[] { 0, (byte) status }));
            return;
        }
        int channel = freeChannel();
        int address = FIRST_TUNNEL_ADDRESS + channel % 5;
        clients.put(channel, new Client(channel, control, data, address, management, now()));
        byte[] crd = management ? new byte[] { 0x02, DEVICE_MGMT_CONNECTION }
                : new byte[] { 0x04, TUNNEL_CONNECTION, (byte) (address >> 8), (byte) address };
        if (!management) {
            connects.incrementAndGet();
        }
        send(control, new KnxNetIpPacket(CONNECT_RESPONSE, concat(new byte[] { (byte) channel, 0 }, hpai(local()), crd)));
    }

    /** A property read or write of a device management connection: acknowledged, and answered "no such property". */
    private void deviceConfigurationRequest(byte[] b) {
        Client c = clients.get(b[1] & 0xFF);
        if (c == null || !c.management || (b[0] & 0xFF) != 4) {
            return;
        }
        int seq = b[2] & 0xFF;
        if (seq == (c.expectedSeq - 1 & 0xFF)) {
            send(c.data, new KnxNetIpPacket(DEVICE_CONFIGURATION_ACK, new byte[] { 4, (byte) c.channel, (byte) seq, E_NO_ERROR }));
            return;
        }
        if (seq != c.expectedSeq) {
            return;
        }
        c.lastHeard = now();
        c.expectedSeq = seq + 1 & 0xFF;
        send(c.data, new KnxNetIpPacket(DEVICE_CONFIGURATION_ACK, new byte[] { 4, (byte) c.channel, (byte) seq, E_NO_ERROR }));
        int mc = b.length > 4 ? b[4] & 0xFF : -1;
        if ((mc == M_PROP_READ_REQ || mc == M_PROP_WRITE_REQ) && b.length >= 11) {
            // same object, property and start index; number of elements 0 and an error code say "no such property"
            byte[] con = { (byte) (mc == M_PROP_READ_REQ ? M_PROP_READ_CON : M_PROP_WRITE_CON), b[5], b[6], b[7], b[8],
                (byte) (b[9] & 0x0F), b[10], VOID_DP };
            c.queue.add(con);
            if (c.pending == null) {
                sendNext(c);
            }
        }
    }

    private List<Client> tunnels() {
        return clients.values().stream().filter(c -> !c.management).toList();
    }

    private void tunnellingRequest(byte[] b) {
        if ((b[0] & 0xFF) != 4) {
            throw new IllegalArgumentException("connection header of " + (b[0] & 0xFF) + " bytes");
        }
        Client c = clients.get(b[1] & 0xFF);
        if (c == null || c.management) {
            return; // unknown channel: dropped, as the specification says
        }
        int seq = b[2] & 0xFF;
        if (seq == (c.expectedSeq - 1 & 0xFF)) {
            ack(c, seq); // a repeat whose ack was lost: acknowledge again, do not act twice
            return;
        }
        if (seq != c.expectedSeq) {
            return;
        }
        c.lastHeard = now();
        CemiFrame frame;
        try {
            frame = CemiFrame.parse(b, 4, b.length - 4);
        } catch (IllegalArgumentException e) {
            malformed.incrementAndGet();
            ack(c, seq);
            c.expectedSeq = seq + 1 & 0xFF;
            return;
        }
        ack(c, seq);
        c.expectedSeq = seq + 1 & 0xFF;
        if (frame.messageCode() != CemiFrame.L_DATA_REQ) {
            return;
        }
        Confirmations mode = confirmations;
        int source = frame.source() == 0 ? c.address : frame.source();
        boolean onBus = mode == Confirmations.POSITIVE && frame.isGroupData();
        int apci = frame.apci();
        if (onBus) {
            // the bus sees the frame before the interface confirms it
            telegrams.add(new Telegram(apci, KnxAddresses.group(frame.destination()), frame.value()));
            if (apci == CemiFrame.GROUP_WRITE || apci == CemiFrame.GROUP_RESPONSE) {
                values.put(frame.destination(), frame.value());
            }
        }
        if (mode != Confirmations.NONE) {
            enqueue(c, frame.as(CemiFrame.L_DATA_CON, source, mode == Confirmations.NEGATIVE));
        }
        if (!onBus) {
            return;
        }
        CemiFrame seen = frame.as(CemiFrame.L_DATA_IND, source, false);
        for (Client other : tunnels()) {
            if (other != c) {
                enqueue(other, seen);
            }
        }
        if (apci == CemiFrame.GROUP_READ) {
            GroupValue v = values.get(frame.destination());
            if (v != null && !unanswered.contains(frame.destination())) {
                CemiFrame response = CemiFrame.group(CemiFrame.L_DATA_IND, KnxAddresses.individual(DEVICE), frame.destination(),
                        CemiFrame.GROUP_RESPONSE, v);
                for (Client any : tunnels()) {
                    enqueue(any, response);
                }
            }
        }
    }

    private void tunnellingAck(byte[] b) {
        Client c = clients.get(b[1] & 0xFF);
        if (c == null || c.pending == null || (b[2] & 0xFF) != c.sendSeq) {
            return;
        }
        c.lastHeard = now();
        c.pending = null;
        c.sendSeq = c.sendSeq + 1 & 0xFF;
        sendNext(c);
    }

    private void enqueue(Client c, CemiFrame frame) {
        c.queue.add(frame.toBytes());
        if (c.pending == null) {
            sendNext(c);
        }
    }

    /** One unacknowledged request per connection at a time, as tunnelling requires. */
    private void sendNext(Client c) {
        byte[] next = c.queue.poll();
        if (next == null) {
            return;
        }
        c.pending = next;
        c.attempts = 1;
        c.pendingSince = now();
        sendPending(c);
    }

    private void sendPending(Client c) {
        send(c.data, new KnxNetIpPacket(c.management ? DEVICE_CONFIGURATION_REQUEST : TUNNELLING_REQUEST,
                concat(new byte[] { 4, (byte) c.channel, (byte) c.sendSeq, 0 }, c.pending)));
    }

    private synchronized void housekeeping(DatagramSocket s) {
        if (!answering || s.isClosed()) {
            return;
        }
        long now = now();
        for (Client c : List.copyOf(clients.values())) {
            if (now - c.lastHeard > connectionTimeoutMillis) {
                disconnect(c);
            } else if (c.pending != null && now - c.pendingSince >= ACK_TIMEOUT_MILLIS) {
                if (c.attempts >= 2) {
                    disconnect(c);
                } else {
                    c.attempts++;
                    c.pendingSince = now;
                    sendPending(c);
                }
            }
        }
    }

    private void disconnect(Client c) {
        clients.remove(c.channel);
        send(c.control, new KnxNetIpPacket(DISCONNECT_REQUEST, concat(new byte[] { (byte) c.channel, 0 }, hpai(local()))));
    }

    private void ack(Client c, int seq) {
        send(c.data, new KnxNetIpPacket(TUNNELLING_ACK, new byte[] { 4, (byte) c.channel, (byte) seq, E_NO_ERROR }));
    }

    private int freeChannel() {
        while (clients.containsKey(nextChannel) || nextChannel == 0) {
            nextChannel = nextChannel + 1 & 0xFF;
        }
        int channel = nextChannel;
        nextChannel = nextChannel + 1 & 0xFF;
        return channel;
    }

    private void send(InetSocketAddress to, KnxNetIpPacket packet) {
        DatagramSocket s = socket;
        if (s == null || !answering) {
            return;
        }
        byte[] bytes = packet.toBytes();
        try {
            s.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (SocketException closed) {
            // stopping
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "KNX simulator: cannot send to {0}: {1}", to, e.toString());
        }
    }

    private InetSocketAddress local() {
        return new InetSocketAddress(host, port);
    }

    /** Device information DIB: TP1 medium, the interface's address, a serial number, a name. */
    private byte[] deviceDib() {
        byte[] dib = new byte[54];
        dib[0] = 54;
        dib[1] = 0x01;
        dib[2] = 0x02;
        dib[4] = (byte) (SERVER_ADDRESS >> 8);
        dib[5] = (byte) SERVER_ADDRESS;
        byte[] serial = { 0x00, (byte) 0xFA, 0x12, 0x34, 0x56, 0x78 };
        System.arraycopy(serial, 0, dib, 8, 6);
        byte[] multicast = { (byte) 224, 0, 23, 12 };
        System.arraycopy(multicast, 0, dib, 14, 4);
        byte[] name = "bemgate KNX simulator".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(name, 0, dib, 24, name.length);
        return dib;
    }

    /** Supported service families: core, device management, tunnelling, each version 1. */
    private static byte[] serviceFamiliesDib() {
        return new byte[] { 8, 0x02, 0x02, 1, 0x03, 1, 0x04, 1 };
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
