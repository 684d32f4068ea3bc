package org.bemgate.knx.internal;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.connector.support.Scheduler;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.api.connector.HealthTracker;
import org.bemgate.knx.internal.KnxDatapoints.Entry;
import org.bemgate.knx.internal.dpt.DptException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.KNXTimeoutException;
import tuwien.auto.calimero.dptxlator.DPTXlator;
import tuwien.auto.calimero.link.KNXLinkClosedException;

/**
 * One KNX IP gateway per factory configuration {@code org.bemgate.knx}, reached by KNXnet/IP tunnelling
 * through Calimero. Every group address of {@code datapoints} (BEMCom's {@code KNX_DATAPOINTS}) is a
 * datapoint with the address as key. Sensor values come from group writes and read responses on the bus;
 * each sensor is read once after every (re)connection. Actuator writes are group writes, accepted when the
 * gateway confirms them.
 *
 * <p>All work runs on the connector's own thread, one request at a time as tunnelling requires; Calimero's
 * receiver thread only hands values and the closing of the link over to it. A lost connection makes the
 * connector {@code OFFLINE} and it reconnects with a growing pause; a bad configuration makes it
 * {@code FAILED} with a reason naming the property.
 */
@Component(immediate = true, service = Connector.class, configurationPid = KnxConnectorConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = Connector.PROTOCOL + "=" + KnxConnector.PROTOCOL)
@Designate(ocd = KnxConnectorConfig.class, factory = true)
public final class KnxConnector implements Connector {

    static final String PROTOCOL = "knx";
    private static final Logger LOG = LoggerFactory.getLogger(KnxConnector.class);
    /** Decode errors are logged at most this often; the counter shows all of them. */
    private static final long LOG_BURST_MILLIS = 60_000;

    private final DatapointRegistry registry;
    private final String name;
    private final HealthTracker health = new HealthTracker();
    private final Scheduler scheduler;
    private final LongSupplier wallClock;
    private final Set<CompletableFuture<WriteOutcome>> pendingWrites = ConcurrentHashMap.newKeySet();
    private KnxDatapoints datapoints;
    private String host;
    private int port;
    private InetAddress localAddress;
    private boolean nat;
    private Backoff backoff;
    // scheduler thread only
    private TunnelLink link;
    private boolean offlineLogged;
    private long lastDecodeLog = Long.MIN_VALUE;
    private volatile TunnelLink openLink;
    private volatile boolean closed;

    /** Checks the configuration, registers the datapoints and starts connecting on the connector's thread. */
    @Activate
    public KnxConnector(@Reference DatapointRegistry registry, KnxConnectorConfig cfg) {
        this(registry, cfg, new ExecutorScheduler("bemgate-knx-" + trim(cfg.name())), System::currentTimeMillis);
    }

    KnxConnector(DatapointRegistry registry, KnxConnectorConfig cfg, Scheduler scheduler, LongSupplier wallClock) {
        this.registry = registry;
        this.name = trim(cfg.name());
        this.scheduler = scheduler;
        this.wallClock = wallClock;
        try {
            Set<String> active = check(cfg);
            register(active);
        } catch (ConfigProblem e) {
            datapoints = null;
            health.set(ConnectorStatus.FAILED, e.getMessage());
            LOG.error("KNX connector '{}' is not started: {}. Fix etc/{}-{}.cfg; other connectors keep running.", name,
                    e.getMessage(), KnxConnectorConfig.PID, name);
            return;
        }
        LOG.info("KNX connector '{}' tunnels to {}:{} for {} group addresses", name, host, port, datapoints.entries().size());
        scheduler.execute(this::connect);
    }

    /** Disconnects from the gateway and stops the connector's thread; writes still waiting fail. */
    @Deactivate
    public void close() {
        closed = true;
        scheduler.close();
        TunnelLink l = openLink;
        openLink = null;
        if (l != null) {
            l.close();
        }
        for (CompletableFuture<WriteOutcome> f : pendingWrites) {
            f.complete(WriteOutcome.failed("the connector " + name + " is stopping"));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ConnectorHealth health() {
        return health.snapshot();
    }

    @Override
    public CompletionStage<WriteOutcome> write(String key, Object value) {
        KnxDatapoints dps = datapoints;
        if (dps == null) {
            return CompletableFuture.completedFuture(WriteOutcome.failed("the connector is FAILED: " + health.snapshot().reason()));
        }
        Entry e = dps.byKey(key);
        if (e == null || !e.actuator()) {
            return CompletableFuture.completedFuture(WriteOutcome.rejected("'" + key + "' is not an actuator of " + name));
        }
        DPTXlator x;
        try {
            x = e.codec().translator(value);
        } catch (DptException ex) {
            health.increment("rejectedWrites");
            return CompletableFuture.completedFuture(WriteOutcome.rejected("group address " + key + ": " + ex.getMessage()));
        }
        if (openLink == null) {
            // fail at once rather than wait behind a connection attempt that may take Calimero's 10 s
            health.increment("failedWrites");
            return CompletableFuture.completedFuture(notConnected());
        }
        CompletableFuture<WriteOutcome> outcome = new CompletableFuture<>();
        pendingWrites.add(outcome);
        outcome.whenComplete((o, t) -> pendingWrites.remove(outcome));
        if (closed) {
            outcome.complete(WriteOutcome.failed("the connector " + name + " is stopping"));
        } else {
            scheduler.execute(() -> groupWrite(e, x, outcome));
        }
        return outcome;
    }

    // ---- the connection, on the connector's thread ----------------------------------------------

    private void connect() {
        if (closed || link != null) {
            return;
        }
        InetSocketAddress gateway;
        try {
            gateway = new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            offline("host '" + host + "' cannot be resolved");
            return;
        }
        InetSocketAddress local = new InetSocketAddress(localAddress != null ? localAddress : routeTo(gateway), 0);
        health.increment("connects");
        TunnelLink l;
        TunnelLink[] self = new TunnelLink[1];
        try {
            l = TunnelLink.open(local, gateway, nat, new TunnelLink.Events() {
                @Override
                public void groupValue(int address, byte[] asdu) {
                    long at = wallClock.getAsLong();
                    scheduler.execute(() -> received(address, asdu, at));
                }

                @Override
                public void closed(String reason) {
                    // runs after connect() has stored the link: both are tasks on the same thread
                    scheduler.execute(() -> lost(self[0], reason));
                }
            });
        } catch (KNXException e) {
            offline("gateway " + host + ":" + port + " does not accept a tunnel: " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        self[0] = l;
        if (closed) {
            l.close();
            return;
        }
        link = l;
        openLink = l;
        backoff.reset();
        offlineLogged = false;
        health.goodExchange();
        health.set(ConnectorStatus.ONLINE, "");
        LOG.info("KNX connector '{}' is ONLINE: tunnel to {}:{} open; reading {} sensors", name, host, port, datapoints.sensors().size());
        for (Entry e : datapoints.sensors()) {
            scheduler.execute(() -> groupRead(e, l));
        }
    }

    /** Calimero closed the link: the gateway disconnected, stopped answering heartbeats, or did not acknowledge a request. */
    private void lost(TunnelLink l, String reason) {
        if (l == null || link != l) {
            return; // a link that is already replaced
        }
        link = null;
        openLink = null;
        l.close();
        health.increment("connectionsLost");
        offline("connection to gateway " + host + ":" + port + " lost: " + reason);
    }

    private void offline(String reason) {
        health.set(ConnectorStatus.OFFLINE, reason);
        long pause = backoff.next();
        if (!offlineLogged) {
            offlineLogged = true;
            LOG.warn("KNX connector '{}' is OFFLINE: {}; retrying, first in {} ms, with growing pauses", name, reason, pause);
        } else {
            LOG.debug("KNX connector '{}' still OFFLINE: {}; next attempt in {} ms", name, reason, pause);
        }
        scheduler.schedule(this::connect, pause);
    }

    private void groupRead(Entry e, TunnelLink l) {
        if (link != l) {
            return;
        }
        try {
            l.read(e.address());
            health.increment("groupReads");
        } catch (KNXLinkClosedException ex) {
            // lost() follows
        } catch (KNXException ex) {
            health.increment("failedReads");
            LOG.debug("KNX connector '{}': group read of {} not confirmed: {}", name, e.key(), ex.getMessage());
            checkClosed(l);
        }
    }

    private void groupWrite(Entry e, DPTXlator x, CompletableFuture<WriteOutcome> outcome) {
        TunnelLink l = link;
        if (l == null) {
            health.increment("failedWrites");
            outcome.complete(notConnected());
            return;
        }
        try {
            l.write(e.address(), x);
            health.increment("writes");
            health.goodExchange();
            outcome.complete(WriteOutcome.accepted());
        } catch (KNXTimeoutException ex) {
            health.increment("failedWrites");
            outcome.complete(WriteOutcome.failed("gateway " + host + ":" + port + " did not confirm the write to " + e.key() + ": "
                    + ex.getMessage()));
            checkClosed(l);
        } catch (KNXException ex) {
            health.increment("failedWrites");
            outcome.complete(WriteOutcome.failed("write to " + e.key() + " failed: " + ex.getMessage()));
            checkClosed(l);
        }
    }

    private WriteOutcome notConnected() {
        String why = health.snapshot().reason();
        return WriteOutcome.failed("not connected to gateway " + host + ":" + port + ": " + (why.isEmpty() ? "connecting" : why));
    }

    /** A request Calimero gave up on may have closed the link before its close event was handed over. */
    private void checkClosed(TunnelLink l) {
        if (link == l && !l.isOpen()) {
            lost(l, "the gateway did not acknowledge a request");
        }
    }

    private void received(int address, byte[] asdu, long at) {
        health.goodExchange();
        Entry e = datapoints.byAddress(address);
        if (e == null || !e.sensor()) {
            health.increment("otherTelegrams");
            return; // as BEMCom: only sensor addresses are parsed
        }
        Object value;
        try {
            value = e.codec().decode(asdu);
        } catch (DptException ex) {
            health.increment("decodeErrors");
            long now = scheduler.now();
            if (lastDecodeLog == Long.MIN_VALUE || now - lastDecodeLog >= LOG_BURST_MILLIS) {
                lastDecodeLog = now;
                LOG.warn("KNX connector '{}': group address {}: {} ({} decode errors so far; logged at most once a minute)", name,
                        e.key(), ex.getMessage(), health.count("decodeErrors"));
            }
            return;
        }
        try {
            registry.publish(DatapointId.of(name, e.key()), new Value(value, at));
            health.increment("values");
        } catch (IllegalArgumentException ex) {
            health.increment("refusedValues");
            LOG.debug("KNX connector '{}': value of {} refused: {}", name, e.key(), ex.getMessage());
        }
    }

    /** The address the route to the gateway leaves from; connecting a UDP socket sends nothing. */
    private static InetAddress routeTo(InetSocketAddress gateway) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(gateway);
            InetAddress a = probe.getLocalAddress();
            return a == null || a.isAnyLocalAddress() ? null : a;
        } catch (SocketException e) {
            return null;
        }
    }

    // ---- configuration -------------------------------------------------------------------------

    private Set<String> check(KnxConnectorConfig cfg) throws ConfigProblem {
        try {
            DatapointId.checkConnectorName(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem("name: " + e.getMessage());
        }
        host = trim(cfg.host());
        if (host.isEmpty()) {
            throw new ConfigProblem("host: not set; give the KNX IP gateway's address (KNX_GATEWAY_HOST)");
        }
        if (cfg.port() < 1 || cfg.port() > 65535) {
            throw new ConfigProblem("port: must be 1 to 65535, not " + cfg.port());
        }
        port = cfg.port();
        nat = cfg.nat();
        String local = trim(cfg.localAddress());
        if (!local.isEmpty()) {
            localAddress = localInterfaceAddress(local);
        }
        if (!(cfg.reconnectSeconds() > 0 && cfg.reconnectSeconds() <= 3600)) {
            throw new ConfigProblem("reconnectSeconds: must be more than 0 and at most 3600, not " + cfg.reconnectSeconds());
        }
        if (!(cfg.maxReconnectSeconds() >= cfg.reconnectSeconds() && cfg.maxReconnectSeconds() <= 86400)) {
            throw new ConfigProblem("maxReconnectSeconds: must be at least reconnectSeconds (" + cfg.reconnectSeconds()
                    + ") and at most 86400, not " + cfg.maxReconnectSeconds());
        }
        backoff = new Backoff(Math.round(cfg.reconnectSeconds() * 1000), Math.round(cfg.maxReconnectSeconds() * 1000));
        String json = trim(cfg.datapoints());
        if (json.isEmpty()) {
            throw new ConfigProblem("datapoints: not set; give BEMCom's KNX_DATAPOINTS JSON {\"sensor\": {\"2/3/111\": \"DPST-9-1\"}, "
                    + "\"actuator\": {…}} (bem:knx-import builds it from an ETS export)");
        }
        try {
            datapoints = KnxDatapoints.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem("datapoints: " + e.getMessage());
        }
        Set<String> active = new HashSet<>();
        for (String v : cfg.activeDatapoints() == null ? new String[0] : cfg.activeDatapoints()) {
            for (String k : v.split(",")) {
                String key = k.strip();
                if (key.isEmpty()) {
                    continue;
                }
                if (datapoints.byKey(key) == null) {
                    throw new ConfigProblem("activeDatapoints: '" + key + "' is not a group address of datapoints");
                }
                active.add(key);
            }
        }
        return active;
    }

    private static InetAddress localInterfaceAddress(String text) throws ConfigProblem {
        try {
            InetAddress a = InetAddress.getByName(text);
            if (NetworkInterface.getByInetAddress(a) == null) {
                throw new ConfigProblem("localAddress: " + text + " is not an address of this machine");
            }
            return a;
        } catch (UnknownHostException | SocketException e) {
            throw new ConfigProblem("localAddress: '" + text + "' is not an address of this machine: " + e.getMessage());
        }
    }

    private void register(Set<String> active) {
        List<DatapointMetadata> metadata = new ArrayList<>();
        List<DatapointId> activate = new ArrayList<>();
        for (Entry e : datapoints.entries()) {
            DatapointId id = DatapointId.of(name, e.key());
            metadata.add(DatapointMetadata.builder(id, e.actuator() ? DatapointType.ACTUATOR : DatapointType.SENSOR)
                    .dataFormat(e.codec().dataFormat()).unit(e.codec().unit()).description(e.codec().description())
                    .minValue(e.codec().min()).maxValue(e.codec().max()).build());
            if (active.contains(e.key()) && registry.get(id).isEmpty()) {
                activate.add(id);
            }
        }
        registry.register(name, metadata);
        if (!activate.isEmpty()) {
            registry.setActive(activate, true);
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /** A configuration property that cannot work; the message starts with the property's name. */
    private static final class ConfigProblem extends Exception {
        private static final long serialVersionUID = 1L;

        ConfigProblem(String message) {
            super(message);
        }
    }
}
