package org.bemgate.mqtt.internal.remote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.connector.support.Scheduler;
import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.api.connector.HealthTracker;
import org.bemgate.mqtt.internal.client.BrokerSettings;
import org.bemgate.mqtt.internal.client.BurstLog;
import org.bemgate.mqtt.internal.client.ConfigProblem;
import org.bemgate.mqtt.internal.client.MqttSession;
import org.bemgate.mqtt.internal.codec.BemcomJson;
import org.bemgate.mqtt.internal.codec.Flattener;
import org.bemgate.mqtt.internal.codec.MalformedMessageException;
import org.bemgate.mqtt.internal.codec.TopicMapping;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topics of another broker as datapoints, per factory configuration {@code org.bemgate.mqtt.remote}
 * (BEMCom's MQTT connector). Each concrete topic that arrives on a sensor filter becomes a sensor
 * keyed by the topic ({@code <topic>__<field>} for the fields of a JSON object, as BEMCom flattens);
 * each actuator topic is an actuator keyed by the topic, whose values are published there.
 *
 * <p>Health: {@code ONLINE} while connected, {@code OFFLINE} with the broker's reason while not
 * (retried with growing pauses), {@code FAILED} naming the property when the configuration cannot work.
 */
@Component(immediate = true, service = Connector.class, configurationPid = RemoteMqttConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = Connector.PROTOCOL + "=" + RemoteMqttConnector.PROTOCOL)
@Designate(ocd = RemoteMqttConfig.class, factory = true)
public final class RemoteMqttConnector implements Connector {

    static final String PROTOCOL = "mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(RemoteMqttConnector.class);

    private final DatapointRegistry registry;
    private final String name;
    private final Scheduler scheduler;
    private final LongSupplier wallClock;
    private final HealthTracker health;
    private final BurstLog malformedLog;
    private final MqttSession session;
    private final TopicMapping mapping;
    private final boolean parseJson;
    private final boolean skipRetained;
    private final int actuatorQos;
    private final Set<String> activeOnFirstSight = new HashSet<>();
    // scheduler thread only: sensor keys registered since activation
    private final Set<String> registered = new HashSet<>();
    private volatile boolean closed;

    /** Checks the configuration, registers the actuators and starts connecting. */
    @Activate
    public RemoteMqttConnector(@Reference DatapointRegistry registry, RemoteMqttConfig cfg) {
        this(registry, cfg, new ExecutorScheduler("bemgate-mqtt-remote-" + trim(cfg.name())), System::currentTimeMillis);
    }

    RemoteMqttConnector(DatapointRegistry registry, RemoteMqttConfig cfg, Scheduler scheduler, LongSupplier wallClock) {
        this.registry = registry;
        this.name = trim(cfg.name());
        this.scheduler = scheduler;
        this.wallClock = wallClock;
        this.health = new HealthTracker(wallClock);
        this.malformedLog = new BurstLog(LOG, wallClock, 60_000);
        this.parseJson = cfg.parseJson();
        this.skipRetained = cfg.skipRetained();
        this.actuatorQos = cfg.actuatorQos();
        TopicMapping m = null;
        MqttSession s = null;
        try {
            try {
                DatapointId.checkConnectorName(name);
            } catch (IllegalArgumentException e) {
                throw new ConfigProblem("name: " + e.getMessage());
            }
            if (trim(cfg.host()).isEmpty()) {
                throw new ConfigProblem("host: not set; give the remote broker's name or address (REMOTE_MQTT_BROKER_HOST)");
            }
            try {
                m = TopicMapping.parse(cfg.topicMapping());
            } catch (IllegalArgumentException e) {
                throw new ConfigProblem("topicMapping: " + e.getMessage());
            }
            if (cfg.actuatorQos() < 0 || cfg.actuatorQos() > 2) {
                throw new ConfigProblem("actuatorQos: must be 0, 1 or 2, not " + cfg.actuatorQos());
            }
            checkActive(cfg.activeDatapoints());
            BrokerSettings broker = BrokerSettings.check(cfg.host(), cfg.port(), cfg.useTls(), cfg.caFile(), cfg.username(), cfg._password(),
                    cfg.clientId(), "bemgate-" + name + "-", cfg.keepAliveSeconds(), cfg.reconnectMaxSeconds());
            s = new MqttSession("remote MQTT connector '" + name + "'", broker, scheduler, 0, new Events());
            List<DatapointMetadata> actuators = new ArrayList<>();
            m.actuatorTopics().forEach((topic, example) -> actuators.add(
                    DatapointMetadata.builder(DatapointId.of(name, topic), DatapointType.ACTUATOR).exampleValue(example)
                            .description("published to " + topic + " on " + broker.address()).build()));
            register(actuators);
            for (String filter : m.sensorTopics()) {
                s.subscribe(filter, 2); // BEMCom subscribes with qos 2: every message exactly once
            }
            LOG.info("Remote MQTT connector '{}': {} sensor topics and {} actuator topics on {}", name, m.sensorTopics().size(),
                    m.actuatorTopics().size(), broker);
        } catch (ConfigProblem e) {
            m = null;
            s = null;
            health.set(ConnectorStatus.FAILED, e.getMessage());
            LOG.error("Remote MQTT connector '{}' is not started: {}. Fix etc/{}-<name>.cfg; other connectors keep running.", name,
                    e.getMessage(), RemoteMqttConfig.PID);
        }
        this.mapping = m;
        this.session = s;
        if (s != null) {
            s.start();
        }
    }

    /** Disconnects and stops the connector's thread. */
    @Deactivate
    public void close() {
        closed = true;
        scheduler.close();
        if (session != null) {
            session.close();
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
        if (closed || session == null) {
            return done(WriteOutcome.failed(closed ? "the connector " + name + " is stopping"
                    : "the connector is FAILED: " + health.snapshot().reason()));
        }
        if (!mapping.actuatorTopics().containsKey(key)) {
            return done(WriteOutcome.rejected("'" + key + "' is not an actuator topic of " + name));
        }
        byte[] payload;
        try {
            payload = encode(value);
        } catch (IllegalArgumentException e) {
            return done(WriteOutcome.rejected(e.getMessage()));
        }
        health.increment("writes");
        return session.publishNow(key, payload, actuatorQos, false).handle((ok, e) -> {
            if (e == null) {
                health.goodExchange();
                return WriteOutcome.accepted();
            }
            health.increment("failedWrites");
            return WriteOutcome.failed("not published to " + key + " on " + session.address() + ": " + e.getMessage());
        });
    }

    /** With JSON, the value's JSON text; without, a string as it is and anything else as its JSON text. */
    private byte[] encode(Object value) {
        String text = !parseJson && value instanceof String ? (String) value : BemcomJson.text(value);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- the remote broker (scheduler thread) --------------------------------------------------

    private final class Events implements MqttSession.Handler {
        @Override
        public void connected() {
            health.goodExchange();
            if (health.set(ConnectorStatus.ONLINE, "")) {
                LOG.info("Remote MQTT connector '{}' is ONLINE", name);
            }
        }

        @Override
        public void disconnected(String reason) {
            health.increment("connectionProblems");
            health.set(ConnectorStatus.OFFLINE, reason);
        }

        @Override
        public void message(String topic, MqttMessage message) {
            received(topic, message);
        }
    }

    private void received(String topic, MqttMessage message) {
        health.increment("messages");
        if (message.isRetained() && skipRetained) {
            health.increment("retainedSkipped");
            return;
        }
        long at = wallClock.getAsLong();
        health.goodExchange();
        Object value;
        byte[] payload = message.getPayload();
        if (parseJson) {
            try {
                value = BemcomJson.parse(payload);
            } catch (MalformedMessageException e) {
                // BEMCom logs this and keeps the text as the value; bemgate does the same, counted and logged once per burst
                health.increment("malformedJson");
                malformedLog.warn("Remote MQTT connector '{}': the payload on '{}' is {}; kept as text", name, topic, e.getMessage());
                value = new String(payload, StandardCharsets.UTF_8);
            }
        } else {
            value = new String(payload, StandardCharsets.UTF_8);
        }
        Map<String, Object> flat = Flattener.flatten(topic, value);
        List<Sample> samples = new ArrayList<>(flat.size());
        List<DatapointMetadata> firstSeen = new ArrayList<>();
        for (Map.Entry<String, Object> f : flat.entrySet()) {
            DatapointId id = DatapointId.of(name, f.getKey());
            if (registered.add(f.getKey())) {
                firstSeen.add(DatapointMetadata.builder(id, DatapointType.SENSOR).dataFormat(DataFormat.UNKNOWN)
                        .exampleValue(f.getValue()).description("from " + topic + " on " + session.address()).build());
            }
            samples.add(new Sample(id, new Value(f.getValue(), at)));
        }
        if (!firstSeen.isEmpty()) {
            register(firstSeen);
        }
        int refused = registry.publishAll(samples);
        for (int i = 0; i < refused; i++) {
            health.increment("refusedValues");
        }
    }

    private void register(List<DatapointMetadata> datapoints) {
        List<DatapointId> activate = datapoints.stream().map(DatapointMetadata::id)
                .filter(id -> activeOnFirstSight.contains(id.key()) && registry.get(id).isEmpty()).toList();
        registry.register(name, datapoints);
        if (!activate.isEmpty()) {
            registry.setActive(activate, true);
        }
    }

    /** A .cfg file gives a list as one comma-separated string; Config Admin tools give an array. */
    private void checkActive(String[] values) {
        for (String v : values == null ? new String[0] : values) {
            for (String k : v.split(",")) {
                if (!k.isBlank()) {
                    activeOnFirstSight.add(k.strip());
                }
            }
        }
    }

    private static CompletionStage<WriteOutcome> done(WriteOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
