package org.bemgate.keba.internal.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the KEBA UDP port once for the whole gateway and routes what arrives by source address.
 * Commands go out from the same socket, because some firmware answers only requests sent from port
 * 7090 (evcc issue #31478).
 *
 * <p>A port held by another program does not fail the component: the stations report it as their
 * reason for being {@code OFFLINE}, and binding is retried until it succeeds.
 */
@Component(service = KebaPort.class, configurationPid = KebaPortConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = KebaPortConfig.class)
public final class UdpPortOwner implements KebaPort {

    private static final Logger LOG = LoggerFactory.getLogger(UdpPortOwner.class);
    private static final long BIND_RETRY_MILLIS = 10_000;
    // Replies are at most 512 bytes; anything longer is cut and then shows up as garbled.
    private static final int BUFFER_BYTES = 2048;

    private final InetSocketAddress local;
    private final Map<InetAddress, Consumer<String>> stations = new ConcurrentHashMap<>();
    private final Set<InetAddress> strangers = ConcurrentHashMap.newKeySet();
    private final Thread receiver;
    private volatile DatagramSocket socket;
    private volatile String bindProblem = "not bound yet";
    private volatile boolean closed;
    private volatile int port;

    /** Binds the configured port and starts receiving. */
    @Activate
    public UdpPortOwner(KebaPortConfig config) {
        this(config.bind(), config.port());
    }

    /**
     * @param bind the local address, such as 0.0.0.0 or 127.0.0.1
     * @param port the port on both sides; 0 takes a free one (tests only: stations answer to 7090)
     */
    public UdpPortOwner(String bind, int port) {
        this.local = new InetSocketAddress(bind == null || bind.isBlank() ? "0.0.0.0" : bind.strip(), port);
        this.port = port;
        bind(true);
        this.receiver = new Thread(this::receive, "bemgate-keba-udp-" + port);
        this.receiver.setDaemon(true);
        this.receiver.start();
    }

    /** Closes the socket and ends the receiving thread; the port is free again when this returns. */
    @Deactivate
    public void close() {
        closed = true;
        DatagramSocket s = socket;
        if (s != null) {
            s.close();
        }
        receiver.interrupt();
        try {
            receiver.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public StationLink register(InetAddress station, Consumer<String> receiverOfStation) {
        if (stations.putIfAbsent(station, receiverOfStation) != null) {
            throw new IllegalStateException("address " + station.getHostAddress() + " is already polled by another KEBA station of "
                    + "this gateway; each station needs its own address");
        }
        strangers.remove(station);
        return new StationLink() {
            @Override
            public void send(String command) throws IOException {
                DatagramSocket s = socket;
                if (s == null) {
                    throw new IOException("UDP port " + local + " is not bound: " + bindProblem);
                }
                byte[] data = command.getBytes(StandardCharsets.US_ASCII);
                s.send(new DatagramPacket(data, data.length, new InetSocketAddress(station, port)));
            }

            @Override
            public void close() {
                stations.remove(station, receiverOfStation);
            }
        };
    }

    private boolean bind(boolean first) {
        try {
            DatagramSocket s = new DatagramSocket(null);
            // Not SO_REUSEADDR: a second process on the port would silently steal replies.
            s.bind(local);
            port = s.getLocalPort();
            socket = s;
            LOG.info("KEBA UDP port {} bound on {}; stations answer to it", port, local.getHostString());
            return true;
        } catch (SocketException e) {
            bindProblem = e.getMessage();
            if (first) {
                LOG.error("KEBA UDP port {} cannot be bound on {}: {}. Another program (or a second KEBA client on this host) "
                        + "holds it; stop it or change etc/{}.cfg. Retrying every {} s.", local.getPort(), local.getHostString(),
                        e.getMessage(), KebaPortConfig.PID, BIND_RETRY_MILLIS / 1000);
            }
            return false;
        }
    }

    private void receive() {
        byte[] buffer = new byte[BUFFER_BYTES];
        while (!closed) {
            DatagramSocket s = socket;
            if (s == null) {
                if (!waitToRetryBind()) {
                    return;
                }
                continue;
            }
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                s.receive(packet);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("KEBA UDP port {}: receiving failed ({}); binding again", port, e.getMessage());
                    s.close();
                    socket = null;
                }
                continue;
            }
            route(packet.getAddress(), new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
        }
    }

    private boolean waitToRetryBind() {
        try {
            Thread.sleep(BIND_RETRY_MILLIS);
        } catch (InterruptedException e) {
            return false;
        }
        if (!closed) {
            bind(false);
        }
        return true;
    }

    private void route(InetAddress from, String text) {
        Consumer<String> station = stations.get(from);
        if (station == null) {
            if (strangers.add(from)) {
                LOG.info("KEBA UDP port {}: ignoring datagrams from {}, which is no configured station (another KEBA on the "
                        + "network, or a station configured under another address?)", port, from.getHostAddress());
            }
            return;
        }
        try {
            station.accept(text);
        } catch (RuntimeException e) {
            // A bug in one station must not stop the port for the others.
            LOG.error("KEBA UDP port {}: the station at {} failed on a datagram", port, from.getHostAddress(), e);
        }
    }
}
