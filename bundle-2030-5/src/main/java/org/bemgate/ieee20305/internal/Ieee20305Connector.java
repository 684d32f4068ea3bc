package org.bemgate.ieee20305.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.connector.support.Scheduler;
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
import org.bemgate.ieee20305.internal.ActiveLimits.Evaluation;
import org.bemgate.ieee20305.internal.client.SepException;
import org.bemgate.ieee20305.internal.codec.DeviceCapability;
import org.bemgate.ieee20305.internal.codec.SepTime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One utility 2030.5 server per factory configuration {@code org.bemgate.ieee20305}: registers the
 * configured sites as an aggregator ({@link Registrar}), then reads their DER programs at the
 * server's pollRate ({@link ControlReader}) and publishes the limits in force ({@link ActiveLimits}),
 * re-judged on the server's clock whenever a control starts or ends. A server that cannot be reached
 * or refuses TLS makes it OFFLINE with the reason and is retried with a growing pause; an
 * unexpected status or invalid XML stops that site's registration or reading with the request named.
 * Everything runs on the connector's own thread; activation never waits for the server.
 */
@Component(immediate = true, service = Connector.class, configurationPid = Ieee20305Config.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = Connector.PROTOCOL + "=" + Ieee20305Connector.PROTOCOL)
@Designate(ocd = Ieee20305Config.class, factory = true)
public final class Ieee20305Connector implements Connector {

    static final String PROTOCOL = "ieee20305";
    private static final Logger LOG = LoggerFactory.getLogger(Ieee20305Connector.class);

    private final DatapointRegistry registry;
    private final String name;
    private final HealthTracker health;
    private final Scheduler scheduler;
    private final LongSupplier wallClock;
    private Settings settings;
    private Exchange exchange;
    private Registrar registrar;
    private ControlReader reader;
    private final List<DeviceState> devices = new ArrayList<>();
    // connector thread only
    private DeviceCapability dcap;
    private long serverOffsetMillis;
    private long retryPause;
    private Scheduler.Timer nextCycle;
    private Scheduler.Timer nextTick;
    private volatile boolean closed;

    /** Checks the configuration, registers the datapoints and starts talking to the server on its own thread. */
    @Activate
    public Ieee20305Connector(@Reference DatapointRegistry registry, Ieee20305Config cfg) {
        this(registry, cfg, new ExecutorScheduler("bemgate-ieee20305-" + trim(cfg.name())), System::currentTimeMillis);
    }

    Ieee20305Connector(DatapointRegistry registry, Ieee20305Config cfg, Scheduler scheduler, LongSupplier wallClock) {
        this.registry = registry;
        this.name = trim(cfg.name());
        this.scheduler = scheduler;
        this.wallClock = wallClock;
        this.health = new HealthTracker(wallClock);
        try {
            settings = Settings.check(name, cfg);
        } catch (Settings.ConfigProblem e) {
            health.set(ConnectorStatus.FAILED, e.getMessage());
            LOG.error("2030.5 connector '{}' is not started: {}. Fix etc/{}-<name>.cfg; other connectors keep running.", name,
                    e.getMessage(), Ieee20305Config.PID);
            return;
        }
        exchange = new Exchange(settings.client(), health);
        registrar = new Registrar(exchange, name, settings.csipNs());
        reader = new ControlReader(exchange);
        settings.devices().forEach(d -> devices.add(new DeviceState(d)));
        retryPause = settings.retryMillis();
        register(Datapoints.all(name, settings.devices()));
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put(Datapoints.AGGREGATOR_LFDI, settings.aggregatorLfdi());
        ids.put(Datapoints.AGGREGATOR_SFDI, settings.aggregatorSfdi());
        for (DeviceState d : devices) {
            ids.put(Datapoints.key(d.spec.id(), Datapoints.LFDI), d.spec.lfdi());
            ids.put(Datapoints.key(d.spec.id(), Datapoints.SFDI), d.spec.sfdi());
            ids.put(Datapoints.key(d.spec.id(), Datapoints.REGISTRATION), "not yet");
        }
        publish(ids);
        LOG.info("2030.5 connector '{}' talks to {} as aggregator LFDI {} (SFDI {}{}) for {} site(s)", name, settings.client().base(),
                settings.aggregatorLfdi(), settings.aggregatorSfdi(), settings.certificateSubject().isEmpty() ? ", no client certificate"
                        : ", certificate " + settings.certificateSubject(), devices.size());
        scheduler.execute(this::cycle);
    }

    /** Stops the connector's thread; a request under way is interrupted. */
    @Deactivate
    public void close() {
        closed = true;
        scheduler.close();
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
        health.increment("rejectedWrites");
        return CompletableFuture.completedFuture(WriteOutcome.rejected("'" + key + "': the 2030.5 connector " + name
                + " has sensors only; act on its limits through the controller"));
    }

    // ---- one cycle: discover, register, read ---------------------------------------------------

    private void cycle() {
        if (closed) {
            return;
        }
        health.increment("polls");
        try {
            if (dcap == null || devices.stream().anyMatch(d -> !d.registered)) {
                discover();
            }
        } catch (SepException e) {
            offline(e.getMessage());
            retry();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Integer pollRate = dcap.pollRate();
        for (DeviceState d : devices) {
            try {
                if (!d.registered) {
                    boolean created = registrar.register(d, dcap, serverNow() / 1000);
                    d.registered = true;
                    health.increment(created ? "endDevicesCreated" : "endDevicesFound");
                    publish(Map.of(Datapoints.key(d.spec.id(), Datapoints.END_DEVICE), d.endDeviceHref,
                            Datapoints.key(d.spec.id(), Datapoints.REGISTRATION), "registered"));
                }
                d.reading = reader.read(d.endDeviceHref);
                d.problem = "";
                if (d.reading.pollRateSeconds() != null) {
                    pollRate = pollRate == null ? d.reading.pollRateSeconds() : Math.min(pollRate, d.reading.pollRateSeconds());
                }
            } catch (SepException e) {
                if (e.noConnection()) {
                    offline(e.getMessage());
                    retry();
                    return;
                }
                failed(d, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        evaluateAndPublish();
        report();
        if (devices.stream().allMatch(d -> d.problem.isEmpty())) {
            retryPause = settings.retryMillis();
            long interval = pollRate == null ? settings.defaultPollMillis() : Math.max(settings.minPollMillis(), pollRate * 1000L);
            plan(interval);
        } else {
            retry();
        }
    }

    private void discover() throws SepException, InterruptedException {
        DeviceCapability d = exchange.get(settings.dcapHref(), DeviceCapability::parse);
        if (d.endDeviceListLink() == null) {
            health.increment("invalidReplies");
            throw new SepException(SepException.Kind.INVALID_REPLY, "GET " + settings.dcapHref()
                    + ": the DeviceCapability has no EndDeviceListLink", 200);
        }
        if (d.timeLink() != null) {
            long asked = wallClock.getAsLong();
            SepTime t = exchange.get(d.timeLink().href(), SepTime::parse);
            long answered = wallClock.getAsLong();
            serverOffsetMillis = t.currentTime() * 1000 - (asked + answered) / 2;
            publish(Map.of(Datapoints.TIME_OFFSET, serverOffsetMillis));
        }
        dcap = d;
    }

    private void failed(DeviceState d, SepException e) {
        String site = d.spec.id();
        if (d.registered) {
            if (e.httpStatus() == 404 && e.getMessage().startsWith("GET " + d.endDeviceHref + ":")) {
                LOG.warn("2030.5 connector '{}': the server no longer knows {} of site '{}'; registering it again", name, d.endDeviceHref,
                        site);
                d.registered = false;
                d.endDeviceHref = null;
            }
            d.problem = "cannot read the controls of '" + site + "': " + e.getMessage();
        } else {
            d.problem = "'" + site + "' is not registered" + (d.endDeviceHref == null ? "" : " (its EndDevice " + d.endDeviceHref
                    + " exists, a later step failed)") + ": " + e.getMessage();
            publish(Map.of(Datapoints.key(site, Datapoints.REGISTRATION), d.problem));
        }
        if (d.endDeviceHref != null) {
            publish(Map.of(Datapoints.key(site, Datapoints.END_DEVICE), d.endDeviceHref));
        }
        LOG.debug("2030.5 connector '{}': {}", name, d.problem);
    }

    private void report() {
        List<String> problems = devices.stream().map(d -> d.problem).filter(p -> !p.isEmpty()).toList();
        if (problems.isEmpty()) {
            if (health.set(ConnectorStatus.ONLINE, "")) {
                LOG.info("2030.5 connector '{}' is ONLINE: {} site(s) registered at {}", name, devices.size(), settings.client().base());
            }
        } else if (problems.size() == devices.size()) {
            offline(String.join("; ", problems));
        } else {
            String reason = String.join("; ", problems);
            if (health.set(ConnectorStatus.DEGRADED, reason)) {
                LOG.warn("2030.5 connector '{}' is DEGRADED: {}", name, reason);
            }
        }
    }

    // ---- control windows between polls ---------------------------------------------------------

    private void evaluateAndPublish() {
        long now = serverNow();
        Long next = null;
        Map<String, Object> values = new LinkedHashMap<>();
        for (DeviceState d : devices) {
            if (d.reading == null) {
                continue;
            }
            Evaluation e = ActiveLimits.evaluate(d.reading.programs(), now);
            values.putAll(Datapoints.values(d.spec.id(), e));
            if (e.nextChangeMillis() != null) {
                next = next == null ? e.nextChangeMillis() : Math.min(next, e.nextChangeMillis());
            }
        }
        publish(values);
        if (nextTick != null) {
            nextTick.cancel();
            nextTick = null;
        }
        if (next != null) {
            nextTick = scheduler.schedule(this::tick, Math.max(0, next - now));
        }
    }

    private void tick() {
        if (!closed) {
            health.increment("windowChanges");
            evaluateAndPublish();
        }
    }

    private long serverNow() {
        return wallClock.getAsLong() + serverOffsetMillis;
    }

    // ---- timing, health, publishing ------------------------------------------------------------

    private void retry() {
        long pause = retryPause;
        retryPause = Math.min(settings.maxRetryMillis(), retryPause * 2);
        plan(pause);
    }

    private void plan(long delay) {
        if (nextCycle != null) {
            nextCycle.cancel();
        }
        nextCycle = scheduler.schedule(this::cycle, delay);
    }

    private void offline(String reason) {
        health.increment("errors");
        boolean was = health.status() == ConnectorStatus.OFFLINE;
        health.set(ConnectorStatus.OFFLINE, reason + " (next attempt in " + seconds(retryPause) + ")");
        if (!was) {
            LOG.warn("2030.5 connector '{}' is OFFLINE: {}", name, reason);
        } else {
            LOG.debug("2030.5 connector '{}' is still OFFLINE: {}", name, reason);
        }
    }

    private void publish(Map<String, Object> values) {
        long at = wallClock.getAsLong();
        List<Sample> samples = new ArrayList<>(values.size());
        values.forEach((k, v) -> samples.add(new Sample(DatapointId.of(name, k), new Value(v, at))));
        int refused = registry.publishAll(samples);
        for (int i = 0; i < refused; i++) {
            health.increment("refusedValues");
        }
    }

    private void register(List<DatapointMetadata> datapoints) {
        Set<String> activeOnFirstSight = settings.activeOnFirstSight();
        List<DatapointId> activate = datapoints.stream().map(DatapointMetadata::id)
                .filter(id -> activeOnFirstSight.contains(id.key()) && registry.get(id).isEmpty()).toList();
        registry.register(name, datapoints);
        if (!activate.isEmpty()) {
            registry.setActive(activate, true);
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
