package ${package}.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.api.connector.HealthTracker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ${package}.internal.client.MeterClient;
import ${package}.internal.client.MeterException;
import ${package}.internal.codec.InvalidReplyException;
import ${package}.internal.codec.MeterCodec;
import ${package}.internal.codec.Reading;

/**
 * One meter per factory configuration {@value ${classPrefix}Config#PID}: registers its datapoints, polls
 * {@code GET /api/v1/reading} on its own thread and publishes the values, and switches the relay when
 * its actuator is written. Activation only checks the configuration and schedules the first poll;
 * deactivation stops the thread, so an upgrade of the bundle leaves nothing behind.
 */
@Component(immediate = true, service = Connector.class, configurationPid = ${classPrefix}Config.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = Connector.PROTOCOL + "=" + ${classPrefix}Connector.PROTOCOL)
@Designate(ocd = ${classPrefix}Config.class, factory = true)
public final class ${classPrefix}Connector implements Connector {

    static final String PROTOCOL = "${protocol}";
    static final long MAX_POLL_PAUSE_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(${classPrefix}Connector.class);

    private final DatapointRegistry registry;
    private final String name;
    private final ScheduledExecutorService executor;
    private final LongSupplier wallClock;
    private final HealthTracker health;
    private final Set<CompletableFuture<WriteOutcome>> pendingWrites = ConcurrentHashMap.newKeySet();
    private final MeterSettings settings;
    private final MeterClient client;
    // connector thread only
    private long pollPause;
    private volatile boolean closed;

    /** Checks the configuration, registers the datapoints and schedules the first poll on the connector's own thread. */
    @Activate
    public ${classPrefix}Connector(@Reference DatapointRegistry registry, ${classPrefix}Config cfg) {
        this(registry, cfg, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "${protocol}-" + MeterSettings.trim(cfg.name()));
            t.setDaemon(true);
            return t;
        }), System::currentTimeMillis);
    }

    /** For tests: the executor runs every poll and write; the clock stamps values and health. */
    ${classPrefix}Connector(DatapointRegistry registry, ${classPrefix}Config cfg, ScheduledExecutorService executor, LongSupplier wallClock) {
        this.registry = registry;
        this.name = MeterSettings.trim(cfg.name());
        this.executor = executor;
        this.wallClock = wallClock;
        this.health = new HealthTracker(wallClock);
        MeterSettings checked = null;
        try {
            checked = MeterSettings.check(cfg);
        } catch (MeterSettings.ConfigProblem e) {
            health.set(ConnectorStatus.FAILED, e.getMessage());
            LOG.error("HTTP meter connector '{}' is not started: {}. Fix etc/{}-<name>.cfg; other connectors keep running.",
                    name, e.getMessage(), ${classPrefix}Config.PID);
        }
        this.settings = checked;
        if (checked == null) {
            this.client = null;
            return;
        }
        this.client = new MeterClient(checked.base(), Duration.ofMillis(checked.timeoutMillis()));
        this.pollPause = checked.pollMillis();
        registry.register(name, MeterDatapoints.all(name));
        LOG.info("HTTP meter connector '{}' reads {} every {} ms", name, checked.base(), checked.pollMillis());
        executor.execute(this::poll);
    }

    /** Stops the connector's thread, interrupting a request under way; pending writes fail. */
    @Deactivate
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("HTTP meter connector '{}': its thread did not stop within 5 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pendingWrites.forEach(f -> f.complete(WriteOutcome.failed("the connector " + name + " stopped")));
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
        if (settings == null) {
            return CompletableFuture.completedFuture(WriteOutcome.failed("the connector is FAILED: " + health.snapshot().reason()));
        }
        if (!MeterDatapoints.RELAY.equals(key)) {
            health.increment("rejectedWrites");
            return CompletableFuture.completedFuture(WriteOutcome.rejected("'" + key + "' is not an actuator of " + name));
        }
        if (!(value instanceof Boolean on)) {
            health.increment("rejectedWrites");
            return CompletableFuture.completedFuture(WriteOutcome.rejected("relay: write true or false, not " + value));
        }
        // remembered until done, so close() can fail a write whose task the executor drops
        CompletableFuture<WriteOutcome> outcome = new CompletableFuture<>();
        pendingWrites.add(outcome);
        outcome.whenComplete((o, e) -> pendingWrites.remove(outcome));
        try {
            executor.execute(() -> outcome.complete(switchRelay(on)));
        } catch (RejectedExecutionException e) {
            outcome.complete(WriteOutcome.failed("the connector " + name + " is stopping"));
        }
        health.increment("writes");
        return outcome;
    }

    // ---- on the connector's thread -------------------------------------------------------------

    private void poll() {
        if (closed) {
            return;
        }
        health.increment("polls");
        try {
            Reading r = exchange("GET", MeterCodec.READING, null, MeterCodec::reading);
            long at = wallClock.getAsLong();
            int refused = registry.publishAll(List.of(
                    sample(MeterDatapoints.POWER, r.power(), at), sample(MeterDatapoints.ENERGY, r.energy(), at),
                    sample(MeterDatapoints.VOLTAGE, r.voltage(), at), sample(MeterDatapoints.RELAY_STATE, r.relay(), at)));
            for (int i = 0; i < refused; i++) {
                health.increment("refusedValues");
            }
            pollPause = settings.pollMillis();
            if (health.set(ConnectorStatus.ONLINE, "")) {
                LOG.info("HTTP meter connector '{}' is ONLINE ({})", name, settings.base());
            }
        } catch (MeterException e) {
            health.increment("errors");
            pollPause = Math.min(MAX_POLL_PAUSE_MILLIS, pollPause * 2);
            offline(e.getMessage() + " (next attempt in " + pollPause + " ms)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            executor.schedule(this::poll, pollPause, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private WriteOutcome switchRelay(boolean on) {
        try {
            boolean now = exchange("POST", MeterCodec.RELAY, MeterCodec.relayRequest(on), MeterCodec::relayReply);
            registry.publishAll(List.of(sample(MeterDatapoints.RELAY_STATE, now, wallClock.getAsLong())));
            if (now != on) {
                health.increment("rejectedWrites");
                return WriteOutcome.rejected("the meter answered, but its relay is still " + (now ? "closed" : "open"));
            }
            LOG.debug("HTTP meter connector '{}': relay {}", name, on ? "closed" : "opened");
            return WriteOutcome.accepted();
        } catch (MeterException e) {
            health.increment(e.refusedByMeter() ? "rejectedWrites" : "failedWrites");
            LOG.warn("HTTP meter connector '{}': relay not switched: {}", name, e.getMessage());
            return e.refusedByMeter() ? WriteOutcome.rejected(e.getMessage()) : WriteOutcome.failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WriteOutcome.failed("the connector " + name + " is stopping");
        }
    }

    /** Parses an answer body, or says why it is invalid. */
    @FunctionalInterface
    private interface Parser<T> {
        T parse(String body) throws InvalidReplyException;
    }

    private <T> T exchange(String method, String path, String body, Parser<T> parser) throws MeterException, InterruptedException {
        MeterClient.Reply r = client.send(method, path, body);
        if (r.status() != 200) {
            health.increment("httpErrors");
            String text = MeterCodec.errorText(r.body());
            throw new MeterException(method + " " + path + ": HTTP " + r.status() + (text.isEmpty() ? "" : " " + text), r.status());
        }
        try {
            T parsed = parser.parse(r.body());
            health.goodExchange();
            return parsed;
        } catch (InvalidReplyException e) {
            health.increment("invalidReplies");
            throw new MeterException(method + " " + path + ": invalid answer: " + e.getMessage(), 0);
        }
    }

    private Sample sample(String key, Object value, long at) {
        return new Sample(DatapointId.of(name, key), new Value(value, at));
    }

    /** Logs the change to OFFLINE once; while it stays OFFLINE only at debug level, so a dead meter does not flood the log. */
    private void offline(String reason) {
        boolean wasOffline = health.status() == ConnectorStatus.OFFLINE;
        health.set(ConnectorStatus.OFFLINE, reason);
        if (wasOffline) {
            LOG.debug("HTTP meter connector '{}' is still OFFLINE: {}", name, reason);
        } else {
            LOG.warn("HTTP meter connector '{}' is OFFLINE: {}", name, reason);
        }
    }
}
