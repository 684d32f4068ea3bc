package org.bemgate.modbus.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.api.connector.HealthTracker;
import org.bemgate.modbus.internal.codec.ModbusCodecOptions;
import org.bemgate.modbus.internal.codec.ModbusConfig;
import org.bemgate.modbus.internal.codec.ModbusConfigException;
import org.bemgate.modbus.internal.codec.ModbusValueException;
import org.bemgate.modbus.internal.codec.WordOrder;
import org.bemgate.modbus.internal.codec.WriteItem;
import org.bemgate.modbus.internal.codec.WriteRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Modbus TCP device per factory configuration {@code org.bemgate.modbus}: polls its read ranges,
 * publishes their values, and writes actuator values, all on one thread over one connection.
 *
 * <p>A bad configuration leaves the connector registered but {@code FAILED}, with a reason naming
 * the property, so {@code bem:connectors} shows it; an unreachable device is {@code OFFLINE} and
 * retried with a growing pause until it answers again.
 */
// Immediate: a device is polled whether or not anybody has asked for its Connector service yet.
@Component(immediate = true, service = Connector.class, configurationPid = ModbusConnectorConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = Connector.PROTOCOL + "=" + ModbusConnector.PROTOCOL)
@Designate(ocd = ModbusConnectorConfig.class, factory = true)
public final class ModbusConnector implements Connector {

    static final String PROTOCOL = "modbus-tcp";
    private static final Logger LOG = LoggerFactory.getLogger(ModbusConnector.class);
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    private final DatapointRegistry registry;
    private final String name;
    private final HealthTracker health = new HealthTracker();
    private final ModbusConfig config;
    private final DeviceSession session;
    private final ScheduledExecutorService thread;
    private final long pollMillis;
    private final boolean disconnectBetweenPolls;
    private final String endpoint;
    private final Set<String> sensorsWithExample = new HashSet<>();
    private long backoffMillis;

    /** Checks the configuration, registers the datapoints and starts polling. */
    @Activate
    public ModbusConnector(@Reference DatapointRegistry registry, ModbusConnectorConfig cfg) {
        this(registry, cfg, new J2modLink(cfg.host() == null ? "" : cfg.host().trim(), cfg.port(), cfg.timeoutMillis()));
    }

    ModbusConnector(DatapointRegistry registry, ModbusConnectorConfig cfg, ModbusLink link) {
        this.registry = registry;
        this.name = cfg.name() == null ? "" : cfg.name().trim();
        this.endpoint = cfg.host() + ":" + cfg.port();
        this.pollMillis = Math.max(10, Math.round(cfg.pollSeconds() * 1000));
        this.disconnectBetweenPolls = cfg.disconnectBetweenPolls();
        this.session = new DeviceSession(link, health, cfg.maxRetries(), Math.round(cfg.retryWaitSeconds() * 1000),
                Math.round(cfg.pollBreakSeconds() * 1000));
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bemgate-modbus-" + name);
            t.setDaemon(true);
            return t;
        });
        ModbusConfig parsed = null;
        try {
            parsed = check(cfg);
            registerDatapoints(parsed, cfg.activeDatapoints());
            LOG.info("Modbus connector '{}' polls {} every {} s: {} read ranges, {} actuators", name, endpoint,
                    cfg.pollSeconds(), parsed.readRanges().size(), parsed.writeItems().size());
        } catch (ConfigProblem e) {
            parsed = null;
            health.set(ConnectorStatus.FAILED, e.getMessage());
            LOG.error("Modbus connector '{}' ({}) is not started: {}. Fix etc/{}-<name>.cfg; other devices keep running.",
                    name, endpoint, e.getMessage(), ModbusConnectorConfig.PID);
        }
        this.config = parsed;
        if (config != null) {
            thread.execute(this::poll);
        }
    }

    /** Stops polling and closes the connection; nothing is left running. */
    @Deactivate
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Modbus connector '{}': the poll thread did not stop within 10 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        session.disconnect();
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
        if (config == null) {
            return CompletableFuture.completedFuture(WriteOutcome.failed("the connector is FAILED: " + health.snapshot().reason()));
        }
        Optional<WriteItem> item = config.writeItem(key);
        if (item.isEmpty()) {
            return CompletableFuture.completedFuture(WriteOutcome.rejected("'" + key + "' is not an actuator of " + name));
        }
        List<WriteRequest> requests;
        try {
            requests = item.get().encode(value);
        } catch (ModbusValueException e) {
            return CompletableFuture.completedFuture(WriteOutcome.rejected(e.getMessage()));
        }
        CompletableFuture<WriteOutcome> outcome = new CompletableFuture<>();
        try {
            thread.execute(() -> outcome.complete(send(key, requests)));
        } catch (RejectedExecutionException e) {
            outcome.complete(WriteOutcome.failed("the connector " + name + " is stopping"));
        }
        return outcome;
    }

    private WriteOutcome send(String key, List<WriteRequest> requests) {
        health.increment("writes");
        try {
            for (WriteRequest r : requests) {
                session.write(r);
            }
            return WriteOutcome.accepted();
        } catch (ModbusFailure f) {
            health.increment("failedWrites");
            LOG.warn("Modbus connector '{}': writing {} failed: {}", name, key, f.getMessage());
            return f.deviceAnswered() ? WriteOutcome.rejected(f.getMessage()) : WriteOutcome.failed(f.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WriteOutcome.failed("the connector " + name + " stopped during the write");
        }
    }

    private void poll() {
        long started = System.currentTimeMillis();
        long delay;
        try {
            PollCycle.Result result = PollCycle.run(config, session);
            health.increment("polls");
            publish(result.values(), started);
            if (result.problems().isEmpty()) {
                changeHealth(ConnectorStatus.ONLINE, "");
            } else {
                String more = result.problems().size() > 1 ? " (and " + (result.problems().size() - 1) + " more)" : "";
                changeHealth(ConnectorStatus.DEGRADED, result.problems().get(0) + more);
            }
            backoffMillis = 0;
            delay = Math.max(0, started + pollMillis - System.currentTimeMillis());
            if (disconnectBetweenPolls) {
                session.disconnect();
            }
        } catch (ModbusFailure f) {
            health.increment("failedPolls");
            session.disconnect();
            backoffMillis = backoffMillis == 0 ? pollMillis : Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
            delay = backoffMillis;
            changeHealth(ConnectorStatus.OFFLINE, f.getMessage() + "; next attempt in " + (delay + 999) / 1000 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            // Never let the poll thread die: report, and poll again.
            health.increment("failedPolls");
            changeHealth(ConnectorStatus.DEGRADED, "poll failed: " + e);
            LOG.error("Modbus connector '{}': poll failed", name, e);
            delay = pollMillis;
        }
        if (!thread.isShutdown()) {
            try {
                thread.schedule(this::poll, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // deactivated meanwhile
            }
        }
    }

    private void publish(Map<String, Object> values, long timestamp) {
        List<Sample> samples = new ArrayList<>(values.size());
        List<DatapointMetadata> firstSeen = new ArrayList<>();
        Map<String, DatapointMetadata> sensors = new java.util.HashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            DatapointId id = DatapointId.of(name, e.getKey());
            samples.add(new Sample(id, new Value(e.getValue(), timestamp)));
            if (sensorsWithExample.add(e.getKey())) {
                if (sensors.isEmpty()) {
                    config.sensorMetadata(name).forEach(m -> sensors.put(m.id().key(), m));
                }
                DatapointMetadata m = sensors.get(e.getKey());
                if (m != null) {
                    firstSeen.add(m.toBuilder().exampleValue(e.getValue()).build());
                }
            }
        }
        if (!firstSeen.isEmpty()) {
            // BEMCom offers a sensor's first value as its example value.
            registry.register(name, firstSeen);
        }
        int refused = registry.publishAll(samples);
        if (refused > 0) {
            health.increment("refusedValues");
        }
    }

    private void changeHealth(ConnectorStatus status, String reason) {
        ConnectorStatus before = health.status();
        if (health.set(status, reason) && status != before) {
            if (status == ConnectorStatus.ONLINE) {
                LOG.info("Modbus connector '{}' is ONLINE ({})", name, endpoint);
            } else {
                LOG.warn("Modbus connector '{}' is {}: {}", name, status, reason);
            }
        }
    }

    private ModbusConfig check(ModbusConnectorConfig cfg) throws ConfigProblem {
        try {
            DatapointId.checkConnectorName(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem("name: " + e.getMessage());
        }
        if (cfg.host() == null || cfg.host().isBlank()) {
            throw new ConfigProblem("host: not set; give the device's or Modbus gateway's address");
        }
        if (cfg.port() < 1 || cfg.port() > 65535) {
            throw new ConfigProblem("port: " + cfg.port() + " is not a TCP port (1-65535)");
        }
        if (!(cfg.pollSeconds() > 0)) {
            throw new ConfigProblem("pollSeconds: must be more than 0, not " + cfg.pollSeconds());
        }
        if (cfg.maxRetries() < 1) {
            throw new ConfigProblem("maxRetries: must be at least 1, not " + cfg.maxRetries());
        }
        if (cfg.config() == null || cfg.config().isBlank()) {
            throw new ConfigProblem("config: not set; give BEMCom's MODBUS_CONFIG JSON");
        }
        ModbusCodecOptions options = ModbusCodecOptions.DEFAULTS
                .withWordOrder(cfg.lsrfWordOrder() ? WordOrder.LEAST_SIGNIFICANT_FIRST : WordOrder.MOST_SIGNIFICANT_FIRST);
        try {
            return ModbusConfig.parse(cfg.config(), options);
        } catch (ModbusConfigException e) {
            throw new ConfigProblem("config: " + e.getMessage());
        }
    }

    private void registerDatapoints(ModbusConfig parsed, String[] activeOnFirstSight) throws ConfigProblem {
        List<DatapointMetadata> all = new ArrayList<>(parsed.sensorMetadata(name));
        all.addAll(parsed.actuatorMetadata(name));
        List<DatapointId> activate = new ArrayList<>();
        for (String key : keys(activeOnFirstSight)) {
            DatapointId id = DatapointId.of(name, key);
            if (all.stream().noneMatch(m -> m.id().equals(id))) {
                throw new ConfigProblem("activeDatapoints: '" + key + "' is not a datapoint of this config; it has "
                        + all.stream().map(m -> m.id().key()).toList());
            }
            if (registry.get(id).isEmpty()) {
                activate.add(id);
            }
        }
        registry.register(name, all);
        if (!activate.isEmpty()) {
            registry.setActive(activate, true);
        }
    }

    /** A .cfg file gives a list as one comma-separated string; Config Admin tools give an array. */
    private static List<String> keys(String[] values) {
        List<String> keys = new ArrayList<>();
        for (String v : values == null ? new String[0] : values) {
            for (String k : v.split(",")) {
                if (!k.isBlank()) {
                    keys.add(k.trim());
                }
            }
        }
        return keys;
    }

    /** A configuration property that cannot work; the message starts with the property's name. */
    private static final class ConfigProblem extends Exception {
        private static final long serialVersionUID = 1L;

        ConfigProblem(String message) {
            super(message);
        }
    }
}
