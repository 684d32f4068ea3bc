package org.bemgate.mqtt.internal.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.bemgate.connector.support.Scheduler;
import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.EventKind;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.api.metrics.Metric;
import org.bemgate.core.api.metrics.MetricsSource;
import org.bemgate.mqtt.internal.client.BrokerSettings;
import org.bemgate.mqtt.internal.client.BurstLog;
import org.bemgate.mqtt.internal.client.MqttSession;
import org.bemgate.mqtt.internal.codec.BemcomJson;
import org.bemgate.mqtt.internal.codec.DatapointMap;
import org.bemgate.mqtt.internal.codec.MalformedMessageException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every running bemgate connector a BEMCom connector on one broker (bemcom-contracts.md §9.6,
 * "a party acting as a BEMCom connector"): available datapoints, heartbeats, logs, raw messages,
 * and values, actuator values, setpoints and schedules along each connector's datapoint map.
 *
 * <p>Threads: sensor values go from the registry's listener thread straight to the session; all
 * other state lives on the bridge's scheduler thread.
 */
public final class BemcomBridge implements MetricsSource {

    /** Registers a registry listener and returns how to remove it: OSGi's whiteboard, or the registry directly in tests. */
    @FunctionalInterface
    public interface ListenerRegistrar {
        /**
         * @param listener the listener
         * @param properties its whiteboard properties
         * @return removes it
         */
        Runnable register(DatapointListener listener, Map<String, Object> properties);
    }

    static final int DEBUG = 10;
    static final int INFO = 20;
    static final int WARNING = 30;
    static final int ERROR = 40;
    static final String EMITTER_HEALTH = "bemgate.health";
    static final String EMITTER_BRIDGE = "bemgate.bridge";

    private static final Logger LOG = LoggerFactory.getLogger(BemcomBridge.class);
    private static final long SCAN_MILLIS = 1000;
    private static final long OWN_MAP_DELAY_MILLIS = 200;

    private final DatapointRegistry registry;
    private final BridgeOptions options;
    private final Scheduler scheduler;
    private final LongSupplier wallClock;
    private final Function<Connector, String> versionOf;
    private final ListenerRegistrar registrar;
    private final Topics topics;
    private final MqttSession session;
    private final BurstLog malformedLog;
    private final BurstLog writeLog;

    // scheduler thread only
    private final Map<String, Bridged> bridged = new TreeMap<>();
    private final Map<String, Route> routes = new HashMap<>();
    private Runnable unregister;
    // read by the listener thread, written by the scheduler thread
    private final ConcurrentHashMap<DatapointId, String> sensorTopics = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> versions = new ConcurrentHashMap<>();
    private final RawMessages raw;
    private volatile boolean closed;

    private final LongAdder valuesPublished = new LongAdder();
    private final AtomicLong rawPublished = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong writesFailed = new AtomicLong();
    private final AtomicLong setpoints = new AtomicLong();
    private final AtomicLong schedules = new AtomicLong();
    private final AtomicLong replaysSkipped = new AtomicLong();
    private final AtomicLong maps = new AtomicLong();

    /** What an inbound topic means. */
    private record Route(Kind kind, String connector, DatapointId id) {
        enum Kind { DATAPOINT_MAP, VALUE, SETPOINT, SCHEDULE }
    }

    /** What the bridge knows of one connector. */
    private static final class Bridged {
        final String name;
        final String protocol;
        final Map<String, Object> sensors = new TreeMap<>();
        final Map<String, Object> actuators = new TreeMap<>();
        DatapointMap map = DatapointMap.EMPTY;
        DatapointMap ownMapPublished;
        boolean ownMapDue;
        ConnectorStatus status;
        String reason;
        Scheduler.Timer heartbeat;

        Bridged(String name, String protocol) {
            this.name = name;
            this.protocol = protocol;
        }
    }

    /**
     * @param registry the registry
     * @param broker where to connect
     * @param options what to publish
     * @param scheduler the bridge's thread; closed with the bridge
     * @param wallClock epoch milliseconds for timestamps
     * @param versionOf a connector's version for raw messages ({@code connector_version})
     * @param registrar registers the bridge's registry listener
     */
    public BemcomBridge(DatapointRegistry registry, BrokerSettings broker, BridgeOptions options, Scheduler scheduler,
            LongSupplier wallClock, Function<Connector, String> versionOf, ListenerRegistrar registrar) {
        this.registry = registry;
        this.options = options;
        this.scheduler = scheduler;
        this.wallClock = wallClock;
        this.versionOf = versionOf;
        this.registrar = registrar;
        this.topics = new Topics(options.topicPrefix());
        this.raw = new RawMessages(scheduler, this::publishRaw);
        this.malformedLog = new BurstLog(LOG, wallClock, 60_000);
        this.writeLog = new BurstLog(LOG, wallClock, 60_000);
        this.session = new MqttSession("MQTT bridge", broker, scheduler, options.bufferSize(), new MqttSession.Handler() {
            @Override
            public void connected() {
                onConnected();
            }

            @Override
            public void disconnected(String reason) {
                // the session logs it; buffered values wait for the next connection
            }

            @Override
            public void message(String topic, MqttMessage message) {
                onMessage(topic, message);
            }
        });
    }

    /** Connects, starts following the registry; returns at once. */
    public void start() {
        Map<String, Object> props = new HashMap<>();
        props.put(DatapointListener.KINDS, new String[] { "VALUE", "METADATA", "ACTIVATION", "REMOVED" });
        unregister = registrar.register(new Listener(), props);
        session.start();
        scheduler.execute(this::scan);
    }

    /** Looks for connectors that came or went soon, rather than at the next periodic look. */
    public void rescanSoon() {
        scheduler.execute(this::scanOnce);
    }

    /** Stops listening, disconnects and stops the bridge's thread. */
    public void close() {
        closed = true;
        if (unregister != null) {
            unregister.run();
        }
        scheduler.close();
        session.close();
    }

    // ---- connectors coming and going, and their health (scheduler thread) ----------------------

    private void scan() {
        scanOnce();
        if (!closed) {
            scheduler.schedule(this::scan, SCAN_MILLIS);
        }
    }

    private void scanOnce() {
        if (closed) {
            return;
        }
        Set<String> running = new HashSet<>();
        for (Connector c : registry.connectors()) {
            running.add(c.name());
            Bridged b = bridged.get(c.name());
            if (b == null) {
                b = add(c);
            }
            follow(b, c.health());
        }
        for (Bridged b : new ArrayList<>(bridged.values())) {
            if (!running.contains(b.name)) {
                remove(b);
            }
        }
    }

    private Bridged add(Connector c) {
        Bridged b = new Bridged(c.name(), c.protocol());
        bridged.put(b.name, b);
        String version;
        try {
            version = versionOf.apply(c);
        } catch (RuntimeException e) {
            version = null;
        }
        versions.put(b.name, version == null ? "unknown" : version);
        for (Datapoint d : registry.find(DatapointFilter.connector(b.name))) {
            Object example = d.metadata().exampleValue() != null || d.value() == null ? d.metadata().exampleValue() : d.value().value();
            (d.type() == DatapointType.SENSOR ? b.sensors : b.actuators).put(d.id().key(), example);
        }
        String mapTopic = topics.datapointMap(b.name);
        routes.put(mapTopic, new Route(Route.Kind.DATAPOINT_MAP, b.name, null));
        session.subscribe(mapTopic, 1);
        publishAvailable(b);
        if (options.publishDatapointMap()) {
            publishOwnMap(b, true);
        }
        LOG.info("MQTT bridge: connector '{}' ({}) is bridged to {} as a BEMCom connector with {} sensors and {} actuators", b.name,
                b.protocol, session.address(), b.sensors.size(), b.actuators.size());
        return b;
    }

    private void remove(Bridged b) {
        bridged.remove(b.name);
        stopHeartbeat(b);
        applyActuators(b, b.map, DatapointMap.EMPTY);
        sensorTopics.keySet().removeIf(id -> id.connector().equals(b.name));
        String mapTopic = topics.datapointMap(b.name);
        routes.remove(mapTopic);
        session.unsubscribe(mapTopic);
        versions.remove(b.name);
        publishLog(b.name, WARNING, "Connector is no longer running in bemgate.", EMITTER_BRIDGE);
        LOG.info("MQTT bridge: connector '{}' left the gateway; its heartbeats stop", b.name);
    }

    /** Logs status changes to the connector's logs topic and sends heartbeats while it is healthy. */
    private void follow(Bridged b, ConnectorHealth h) {
        if (h.status() != b.status || !h.reason().equals(b.reason)) {
            b.status = h.status();
            b.reason = h.reason();
            int level = switch (h.status()) {
                case ONLINE, STARTING -> INFO;
                case DEGRADED, OFFLINE -> WARNING;
                case FAILED -> ERROR;
            };
            publishLog(b.name, level, "Connector is " + h.status() + (h.reason().isEmpty() ? "." : ": " + h.reason()), EMITTER_HEALTH);
        }
        boolean healthy = h.status() == ConnectorStatus.ONLINE || h.status() == ConnectorStatus.DEGRADED;
        if (healthy && b.heartbeat == null) {
            heartbeat(b);
        } else if (!healthy) {
            stopHeartbeat(b);
        }
    }

    private void heartbeat(Bridged b) {
        session.publishIfConnected(topics.heartbeat(b.name), BemcomJson.heartbeat(wallClock.getAsLong(), options.heartbeatMillis()), 0,
                false);
        b.heartbeat = scheduler.schedule(() -> heartbeat(b), options.heartbeatMillis());
    }

    private void stopHeartbeat(Bridged b) {
        if (b.heartbeat != null) {
            b.heartbeat.cancel();
            b.heartbeat = null;
        }
    }

    private void onConnected() {
        // A broker without persistence lost every retained message: give back what BEMCom keeps retained.
        for (Bridged b : bridged.values()) {
            publishAvailable(b);
            if (options.publishDatapointMap()) {
                publishOwnMap(b, true);
            }
            if (b.heartbeat != null) {
                stopHeartbeat(b);
                heartbeat(b);
            }
        }
    }

    // ---- messages to BEMCom ----------------------------------------------------------------------

    private void publishAvailable(Bridged b) {
        session.publish(topics.availableDatapoints(b.name), BemcomJson.availableDatapoints(b.sensors, b.actuators), 0, true);
    }

    /** Publishes a BEMCom log message (retained, as BEMCom's log handler does); callable from any thread. */
    private void publishLog(String connector, int level, String msg, String emitter) {
        session.publish(topics.logs(connector), BemcomJson.log(wallClock.getAsLong(), msg, emitter, level), 0, true);
    }

    private void publishOwnMap(Bridged b, boolean force) {
        b.ownMapDue = false;
        Map<String, String> sensor = new LinkedHashMap<>();
        Map<String, String> actuator = new LinkedHashMap<>();
        for (Datapoint d : registry.find(new DatapointFilter(null, b.name, null, Boolean.TRUE))) {
            String topic = topics.value(b.name, d.number());
            if (d.type() == DatapointType.SENSOR) {
                sensor.put(d.id().key(), topic);
            } else {
                actuator.put(topic, d.id().key());
            }
        }
        DatapointMap map = new DatapointMap(sensor, actuator);
        if (force || !map.equals(b.ownMapPublished)) {
            b.ownMapPublished = map;
            // qos 2 and retained, as BEMCom's API publishes it; the bridge then follows it like any map
            session.publish(topics.datapointMap(b.name), BemcomJson.datapointMap(map), 2, true);
        }
    }

    private void ownMapSoon(Bridged b) {
        if (options.publishDatapointMap() && !b.ownMapDue) {
            b.ownMapDue = true;
            scheduler.schedule(() -> {
                if (bridged.get(b.name) == b) {
                    publishOwnMap(b, false);
                }
            }, OWN_MAP_DELAY_MILLIS);
        }
    }

    /** Registry changes other than values: available datapoints and the own map (scheduler thread). */
    private void registryChanged(List<DatapointEvent> events) {
        Set<Bridged> changed = new HashSet<>();
        for (DatapointEvent e : events) {
            Bridged b = bridged.get(e.id().connector());
            if (b == null) {
                continue;
            }
            if (e.kind() == EventKind.METADATA) {
                Map<String, Object> section = e.type() == DatapointType.SENSOR ? b.sensors : b.actuators;
                // cumulative, published only when a key is new, as BEMCom's template does
                if (!section.containsKey(e.id().key())) {
                    section.put(e.id().key(), e.metadata().exampleValue());
                    changed.add(b);
                }
            }
            ownMapSoon(b);
        }
        changed.forEach(this::publishAvailable);
    }

    // ---- messages from BEMCom (scheduler thread) -----------------------------------------------

    private void onMessage(String topic, MqttMessage message) {
        Route r = routes.get(topic);
        if (r == null) {
            return; // unsubscribed meanwhile
        }
        Bridged b = bridged.get(r.connector());
        if (b == null) {
            return;
        }
        byte[] payload = message.getPayload();
        try {
            switch (r.kind()) {
                case DATAPOINT_MAP -> applyMap(b, BemcomJson.readDatapointMap(payload));
                case VALUE -> write(b, r.id(), BemcomJson.readValue(payload), message.isRetained());
                case SETPOINT -> setpoint(r.id(), BemcomJson.readSetpoint(payload), message.isRetained());
                case SCHEDULE -> schedule(r.id(), BemcomJson.readSchedule(payload), message.isRetained());
            }
        } catch (MalformedMessageException e) {
            malformed.incrementAndGet();
            if (malformedLog.warn("MQTT bridge: ignoring a malformed message on '{}': {}", topic, e.getMessage())) {
                publishLog(b.name, ERROR, "Ignored a malformed message on " + topic + ": " + e.getMessage(), EMITTER_BRIDGE);
            }
        } catch (IllegalArgumentException e) {
            // the registry refused a setpoint or schedule (InvalidMessageException, UnknownDatapointException)
            writesFailed.incrementAndGet();
            writeLog.warn("MQTT bridge: the registry refused the message on '{}': {}", topic, e.getMessage());
            publishLog(b.name, WARNING, "Refused the message on " + topic + ": " + e.getMessage(), EMITTER_BRIDGE);
        }
    }

    private void applyMap(Bridged b, DatapointMap map) {
        maps.incrementAndGet();
        DatapointMap old = b.map;
        b.map = map;
        // sensors: key → topic; values of newly mapped active sensors go out at once, retained
        Map<DatapointId, String> wanted = new HashMap<>();
        map.sensor().forEach((key, topic) -> wanted.put(DatapointId.of(b.name, key), topic));
        sensorTopics.keySet().removeIf(id -> id.connector().equals(b.name) && !wanted.containsKey(id));
        List<DatapointId> fresh = new ArrayList<>();
        wanted.forEach((id, topic) -> {
            if (!topic.equals(sensorTopics.put(id, topic))) {
                fresh.add(id);
            }
        });
        applyActuators(b, old, map);
        if (options.activateMapped() && !options.publishDatapointMap()) {
            activate(b, map);
        }
        for (DatapointId id : fresh) {
            registry.get(id).ifPresent(d -> {
                if (d.active() && d.type() == DatapointType.SENSOR && d.value() != null) {
                    publishValue(wanted.get(id), d.value());
                }
            });
        }
        LOG.debug("MQTT bridge: datapoint map of '{}': {} sensors, {} actuators", b.name, map.sensor().size(), map.actuator().size());
    }

    /** Subscribes (qos 2) to the value, setpoint and schedule topics of newly mapped actuators, unsubscribes removed ones. */
    private void applyActuators(Bridged b, DatapointMap old, DatapointMap map) {
        for (String topic : old.actuator().keySet()) {
            if (!map.actuator().containsKey(topic)) {
                for (String t : new String[] { topic, Topics.sibling(topic, "setpoint"), Topics.sibling(topic, "schedule") }) {
                    if (t != null) {
                        routes.remove(t);
                        session.unsubscribe(t);
                    }
                }
            }
        }
        map.actuator().forEach((topic, key) -> {
            DatapointId id = DatapointId.of(b.name, key);
            route(topic, Route.Kind.VALUE, b, id);
            route(Topics.sibling(topic, "setpoint"), Route.Kind.SETPOINT, b, id);
            route(Topics.sibling(topic, "schedule"), Route.Kind.SCHEDULE, b, id);
        });
    }

    private void route(String topic, Route.Kind kind, Bridged b, DatapointId id) {
        if (topic != null && !new Route(kind, b.name, id).equals(routes.put(topic, new Route(kind, b.name, id)))) {
            session.subscribe(topic, 2);
        }
    }

    private void activate(Bridged b, DatapointMap map) {
        List<DatapointId> inactive = new ArrayList<>();
        List<String> keys = new ArrayList<>(map.sensor().keySet());
        keys.addAll(map.actuator().values());
        for (String key : keys) {
            DatapointId id = DatapointId.of(b.name, key);
            registry.get(id).filter(d -> !d.active()).ifPresent(d -> inactive.add(id));
        }
        if (!inactive.isEmpty()) {
            try {
                registry.setActive(inactive, true);
                LOG.info("MQTT bridge: activated {} datapoints of '{}' that the BEMCom API maps", inactive.size(), b.name);
            } catch (IllegalArgumentException e) {
                LOG.debug("MQTT bridge: activating mapped datapoints of '{}': {}", b.name, e.getMessage());
            }
        }
    }

    private void write(Bridged b, DatapointId id, Value v, boolean retained) {
        // A retained value replayed on (re)subscription is done already if the actuator holds it or a newer one.
        if (retained && notNewer(registry.get(id).map(Datapoint::value).map(Value::timestamp).orElse(null), v.timestamp())) {
            replaysSkipped.incrementAndGet();
            return;
        }
        writes.incrementAndGet();
        registry.write(id, v).whenComplete((outcome, e) -> {
            if (e != null || !outcome.isAccepted()) {
                writesFailed.incrementAndGet();
                String why = e != null ? e.toString() : outcome.status() + ": " + outcome.reason();
                writeLog.warn("MQTT bridge: writing {} to {} was not done: {}", BemcomJson.text(v.value()), id, why);
                publishLog(b.name, WARNING, "Writing " + BemcomJson.text(v.value()) + " to " + id.key() + " was not done: " + why,
                        EMITTER_BRIDGE);
            }
        });
    }

    private void setpoint(DatapointId id, Setpoint s, boolean retained) {
        if (retained && notNewer(registry.get(id).map(Datapoint::setpoint).map(Setpoint::timestamp).orElse(null), s.timestamp())) {
            replaysSkipped.incrementAndGet();
            return;
        }
        registry.setSetpoint(id, s);
        setpoints.incrementAndGet();
    }

    private void schedule(DatapointId id, Schedule s, boolean retained) {
        if (retained && notNewer(registry.get(id).map(Datapoint::schedule).map(Schedule::timestamp).orElse(null), s.timestamp())) {
            replaysSkipped.incrementAndGet();
            return;
        }
        registry.setSchedule(id, s);
        schedules.incrementAndGet();
    }

    private static boolean notNewer(Long held, long incoming) {
        return held != null && held >= incoming;
    }

    // ---- values (listener thread) --------------------------------------------------------------

    private void publishValue(String topic, Value v) {
        session.publish(topic, BemcomJson.value(v), 0, true);
        valuesPublished.increment();
    }

    private final class Listener implements DatapointListener {
        @Override
        public void onEvent(DatapointEvent event) {
            onEvents(List.of(event));
        }

        @Override
        public void onEvents(List<DatapointEvent> events) {
            List<DatapointEvent> other = null;
            for (DatapointEvent e : events) {
                if (e.kind() == EventKind.VALUE) {
                    if (e.type() != DatapointType.SENSOR) {
                        continue;
                    }
                    String topic = e.active() ? sensorTopics.get(e.id()) : null;
                    if (topic != null) {
                        publishValue(topic, e.value());
                    }
                    if (options.sendRawMessages() && versions.containsKey(e.id().connector())) {
                        raw.add(e.id().connector(), e.value().timestamp(), e.id().key(), e.value().value());
                    }
                } else {
                    if (other == null) {
                        other = new ArrayList<>();
                    }
                    other.add(e);
                }
            }
            if (options.sendRawMessages()) {
                raw.lingerThenFlush();
            }
            if (other != null) {
                List<DatapointEvent> copy = other;
                scheduler.execute(() -> registryChanged(copy));
            }
        }
    }

    private void publishRaw(String connector, long at, Map<String, Object> values) {
        session.publish(topics.rawMessageToDb(connector), BemcomJson.rawMessage(values, at, versions.getOrDefault(connector, "unknown")),
                2, false);
        rawPublished.incrementAndGet();
    }

    // ---- figures -------------------------------------------------------------------------------

    @Override
    public List<Metric> metrics() {
        return List.of(
                Metric.gauge("bemgate_mqtt_bridge_connected", "1 while the bridge is connected to its broker", session.isConnected() ? 1 : 0),
                Metric.gauge("bemgate_mqtt_bridge_connectors", "connectors on the broker as BEMCom connectors", versions.size()),
                Metric.counter("bemgate_mqtt_bridge_values_published_total", "sensor values published on mapped topics",
                        valuesPublished.sum()),
                Metric.counter("bemgate_mqtt_bridge_raw_messages_total", "raw messages published", rawPublished.get()),
                Metric.counter("bemgate_mqtt_bridge_messages_sent_total", "messages the broker took", session.sent()),
                Metric.gauge("bemgate_mqtt_bridge_buffered", "messages waiting for the broker", session.buffered()),
                Metric.counter("bemgate_mqtt_bridge_dropped_total", "messages dropped (oldest first) while the broker was away and the "
                        + "buffer full", session.dropped()),
                Metric.counter("bemgate_mqtt_bridge_requeued_total", "messages sent again after the connection broke under them",
                        session.requeued()),
                Metric.counter("bemgate_mqtt_bridge_failed_sends_total", "messages that could not be sent at all", session.failedSends()),
                Metric.counter("bemgate_mqtt_bridge_connects_total", "successful connections to the broker", session.connects()),
                Metric.counter("bemgate_mqtt_bridge_malformed_total", "malformed messages received and ignored", malformed.get()),
                Metric.counter("bemgate_mqtt_bridge_maps_total", "datapoint maps received", maps.get()),
                Metric.counter("bemgate_mqtt_bridge_writes_total", "actuator values received and written", writes.get()),
                Metric.counter("bemgate_mqtt_bridge_writes_failed_total", "actuator values, setpoints or schedules refused or not done",
                        writesFailed.get()),
                Metric.counter("bemgate_mqtt_bridge_setpoints_total", "setpoints received", setpoints.get()),
                Metric.counter("bemgate_mqtt_bridge_schedules_total", "schedules received", schedules.get()),
                Metric.counter("bemgate_mqtt_bridge_replays_skipped_total", "retained messages not newer than what the registry holds",
                        replaysSkipped.get()));
    }

    /** @return the session, for tests and the benchmark */
    MqttSession session() {
        return session;
    }
}
