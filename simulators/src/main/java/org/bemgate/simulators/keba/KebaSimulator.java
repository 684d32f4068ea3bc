package org.bemgate.simulators.keba;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A KEBA KeContact P30 on UDP: answers reports and set commands like the real box, and sends every
 * answer and every unsolicited state message to the <em>reply port</em> (7090, as the box does) of
 * the address that last sent it a command, whatever that sender's source port was.
 *
 * <p>Tests run it on another loopback address ({@code 127.0.0.2}, {@code 127.0.0.3}, …) so that
 * the gateway and any number of simulated boxes use the same port number, as on a real network.
 * They can make it answer only {@code report 1} (as firmware 3.10.80 was reported to do), go
 * silent, corrupt its replies, refuse chosen commands, or send any datagram.
 */
public final class KebaSimulator implements AutoCloseable {

    /** The port the real box listens on and answers to. */
    public static final int KEBA_PORT = 7090;

    /** How the box answers. */
    public enum Mode {
        /** Like a healthy P30. */
        NORMAL,
        /** Answers {@code report 1} only; every other command is read and ignored. */
        REPORT_1_ONLY,
        /** Reads commands and sends nothing at all. */
        SILENT
    }

    private final InetAddress host;
    private final Wallbox box;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<String> commands = new ArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile int replyPort = KEBA_PORT;
    private volatile Mode mode = Mode.NORMAL;
    private volatile boolean garbleReplies;
    private volatile InetAddress commander;
    private volatile DatagramSocket socket;
    private Thread receiver;
    private int port;

    /**
     * A P30 with phase switching and serial 22054282.
     *
     * @param host the address to listen on, such as 127.0.0.2
     * @param port the port; 0 takes a free one, kept across {@link #stop()} and {@link #start()}
     */
    public KebaSimulator(String host, int port) throws IOException {
        this(host, port, new Wallbox("22054282", true));
    }

    /**
     * @param host the address to listen on
     * @param port the port; 0 takes a free one
     * @param box the simulated box
     */
    public KebaSimulator(String host, int port, Wallbox box) throws IOException {
        this.host = InetAddress.getByName(host);
        this.port = port;
        this.box = box;
    }

    /** Listens; on the same port as before after a {@link #stop()}. */
    public synchronized KebaSimulator start() throws IOException {
        if (socket != null) {
            return this;
        }
        DatagramSocket s = new DatagramSocket(null);
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(host, port));
        port = s.getLocalPort();
        socket = s;
        receiver = new Thread(() -> serve(s), "keba-sim-" + host.getHostAddress() + ":" + port);
        receiver.setDaemon(true);
        receiver.start();
        return this;
    }

    /** Closes the socket, as a box that is switched off; {@link #start()} brings it back. */
    public synchronized void stop() {
        DatagramSocket s = socket;
        socket = null;
        if (s != null) {
            s.close();
            try {
                receiver.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Sends answers and state messages to this port instead of 7090.
     *
     * @param replyPort the port of the commanding host
     * @return this simulator
     */
    public KebaSimulator replyPort(int replyPort) {
        this.replyPort = replyPort;
        return this;
    }

    /** @param newMode how the box answers from now on */
    public void setMode(Mode newMode) {
        this.mode = newMode;
    }

    /** @param garble while true, every answer is cut in half, as a corrupted datagram */
    public void setGarbleReplies(boolean garble) {
        this.garbleReplies = garble;
    }

    /** @param verb a command, such as {@code curr}, to answer {@code TCH-ERR} from now on */
    public void refuse(String verb) {
        refused.add(verb);
    }

    /** Answers every command normally again. */
    public void refuseNothing() {
        refused.clear();
    }

    // ---- the car and the surroundings ----------------------------------------------------------

    /** The car is plugged in at both ends: {@code {"Plug": 7}}, {@code {"State": 2}}, … */
    public void plugIn() {
        announce(box.plugIn());
    }

    /** The car starts drawing power: {@code {"State": 3}} if the box is enabled. */
    public void startCharging() {
        announce(box.startCharging());
    }

    /** The car is full. */
    public void stopCharging() {
        announce(box.stopCharging());
    }

    /** The cable is pulled. */
    public void unplug() {
        announce(box.unplug());
    }

    /** @param value the new X1 input */
    public void setInput(int value) {
        announce(box.setInput(value));
    }

    /** @param seconds simulated seconds that pass: energy, timers and uptime move on */
    public void tick(long seconds) {
        announce(box.tick(seconds));
    }

    /** Sends any text, such as a garbled datagram, to the last commander's reply port. */
    public void sendRaw(String text) {
        send(text, commander);
    }

    // ---- observations --------------------------------------------------------------------------

    /** @return the port it listens on */
    public int port() {
        return port;
    }

    /** @return the address it listens on */
    public InetAddress address() {
        return host;
    }

    /** @return the simulated box */
    public Wallbox wallbox() {
        return box;
    }

    /** @return every command received so far, in order */
    public List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    /** @return datagrams received */
    public long received() {
        return received.get();
    }

    /** @return datagrams received and completely dealt with: answered, state messages sent, or ignored */
    public long handled() {
        return handled.get();
    }

    /** @return datagrams sent: answers, state messages and raw ones */
    public long sent() {
        return sent.get();
    }

    private void serve(DatagramSocket s) {
        byte[] buffer = new byte[1024];
        while (!s.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                s.receive(packet);
            } catch (IOException closed) {
                return;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            received.incrementAndGet();
            synchronized (commands) {
                commands.add(text);
            }
            commander = packet.getAddress();
            answer(text, packet.getAddress());
            handled.incrementAndGet();
        }
    }

    private void answer(String command, InetAddress from) {
        Mode m = mode;
        if (m == Mode.SILENT || (m == Mode.REPORT_1_ONLY && !command.trim().equals("report 1"))) {
            return;
        }
        WallboxCommands.Answer a = WallboxCommands.handle(box, command, refused);
        if (a.reply() != null) {
            String reply = a.reply();
            send(garbleReplies ? reply.substring(0, Math.max(1, reply.length() / 2)) : reply, from);
        }
        for (Map<String, Object> message : a.unsolicited()) {
            send(Json.object(message), from);
        }
    }

    private void announce(List<Map<String, Object>> messages) {
        if (mode == Mode.SILENT) {
            return;
        }
        for (Map<String, Object> message : messages) {
            send(Json.object(message), commander);
        }
    }

    private void send(String text, InetAddress to) {
        DatagramSocket s = socket;
        if (s == null || to == null) {
            // switched off, or nobody has talked to the box yet
            return;
        }
        byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
        sent.incrementAndGet();
        try {
            s.send(new DatagramPacket(data, data.length, new InetSocketAddress(to, replyPort)));
        } catch (IOException e) {
            // closed by stop() meanwhile: the datagram is lost, as it would be on a real network
        }
    }
}
