package org.bemgate.keba.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

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
import org.bemgate.keba.internal.codec.Actuator;
import org.bemgate.keba.internal.codec.ChargeStations;
import org.bemgate.keba.internal.codec.KebaCommand;
import org.bemgate.keba.internal.codec.KebaKeys;
import org.bemgate.keba.internal.codec.KebaValueException;
import org.bemgate.keba.internal.codec.SensorFields;
import org.bemgate.keba.internal.udp.KebaPort;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.connector.support.Scheduler;

/**
 * KEBA P30 stations per factory configuration {@code org.bemgate.keba}: one station given by
 * {@code host}, or several by BEMCom's {@code KEBA_P30_CHARGE_STATIONS}. Every report field becomes
 * a sensor {@code <station>__report <n>__<field>} when first seen; the actuators
 * {@code <station>__<command>} are registered at once ({@code x2src} and {@code x2} when report 2
 * shows a phase switch). All stations of one connector share one thread.
 *
 * <p>A bad configuration leaves the connector registered but {@code FAILED}, with a reason naming
 * the property. With several stations the connector is {@code DEGRADED} while some are not
 * {@code ONLINE}, and its reason names them.
 */
@Component(immediate = true, service = Connector.class, configurationPid = KebaConnectorConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = Connector.PROTOCOL + "=" + KebaConnector.PROTOCOL)
@Designate(ocd = KebaConnectorConfig.class, factory = true)
public final class KebaConnector implements Connector, StationEvents {

    static final String PROTOCOL = "keba";
    private static final Logger LOG = LoggerFactory.getLogger(KebaConnector.class);

    private final DatapointRegistry registry;
    private final String name;
    private final HealthTracker health = new HealthTracker();
    private final Scheduler scheduler;
    private final LongSupplier wallClock;
    private final Map<String, Station> stations = new LinkedHashMap<>();
    private final Set<String> activeOnFirstSight = new HashSet<>();
    // scheduler thread only: sensor keys registered since activation, and the last status logged per station
    private final Set<String> registered = new HashSet<>();
    private final Map<String, ConnectorStatus> logged = new HashMap<>();
    private volatile boolean closed;

    /** Checks the configuration, registers the actuators and starts the stations. */
    @Activate
    public KebaConnector(@Reference DatapointRegistry registry, @Reference KebaPort port, KebaConnectorConfig cfg) {
        this(registry, port, cfg, new ExecutorScheduler("bemgate-keba-" + trim(cfg.name())), System::currentTimeMillis);
    }

    KebaConnector(DatapointRegistry registry, KebaPort port, KebaConnectorConfig cfg, Scheduler scheduler, LongSupplier wallClock) {
        this.registry = registry;
        this.name = trim(cfg.name());
        this.scheduler = scheduler;
        this.wallClock = wallClock;
        try {
            List<ChargeStations.Station> specs = check(cfg);
            Station.Settings settings = new Station.Settings(Math.round(cfg.pollSeconds() * 1000),
                    Math.round(cfg.timeoutSeconds() * 1000), cfg.maxTimeouts());
            for (ChargeStations.Station s : specs) {
                stations.put(s.name(), new Station(name, s.name(), s.host(), settings, scheduler, port, this, health));
            }
            checkActive(cfg.activeDatapoints());
            List<DatapointMetadata> actuators = new ArrayList<>();
            for (Station s : stations.values()) {
                for (Actuator a : Actuator.values()) {
                    if (!a.needsPhaseSwitching()) {
                        actuators.add(a.metadata(name, s.name()));
                    }
                }
            }
            register(actuators);
            LOG.info("KEBA connector '{}' polls {} every {} s over UDP port {}", name,
                    specs.stream().map(s -> s.name() + " (" + s.host() + ")").toList(), cfg.pollSeconds(), port.port());
        } catch (ConfigProblem e) {
            stations.clear();
            health.set(ConnectorStatus.FAILED, e.getMessage());
            LOG.error("KEBA connector '{}' is not started: {}. Fix etc/{}-<name>.cfg; other connectors keep running.",
                    name, e.getMessage(), KebaConnectorConfig.PID);
        }
        stations.values().forEach(Station::start);
    }

    /** Stops the stations' thread and leaves the UDP port; nothing is left running. */
    @Deactivate
    public void close() {
        closed = true;
        scheduler.close();
        stations.values().forEach(Station::close);
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
        if (closed) {
            return done(WriteOutcome.failed("the connector " + name + " is stopping"));
        }
        if (stations.isEmpty()) {
            return done(WriteOutcome.failed("the connector is FAILED: " + health.snapshot().reason()));
        }
        int split = key.indexOf(KebaKeys.SEPARATOR);
        Station station = split < 0 ? null : stations.get(key.substring(0, split));
        Actuator actuator = station == null ? null : Actuator.byCommand(key.substring(split + KebaKeys.SEPARATOR.length()));
        if (actuator == null) {
            return done(WriteOutcome.rejected("'" + key + "' is not an actuator of " + name));
        }
        if (actuator.needsPhaseSwitching() && !station.phaseSwitching()) {
            return done(WriteOutcome.rejected("station '" + station.name() + "' has not shown a phase switch in report 2, so its "
                    + "firmware may not know '" + actuator.command() + "'"));
        }
        KebaCommand command;
        try {
            command = actuator.toCommand(value);
        } catch (KebaValueException e) {
            health.increment("rejectedWrites");
            return done(WriteOutcome.rejected(e.getMessage()));
        }
        health.increment("writes");
        return station.submit(command).thenApply(outcome -> {
            if (!outcome.isAccepted()) {
                health.increment(outcome.status() == WriteOutcome.Status.REJECTED ? "rejectedWrites" : "failedWrites");
                LOG.warn("KEBA connector '{}': '{}' to station '{}' ({}) was not done: {}", name, command, station.name(),
                        station.host(), outcome.reason());
            }
            return outcome;
        });
    }

    // ---- what the stations report --------------------------------------------------------------

    @Override
    public void report(Station station, int report, Map<String, Object> fields) {
        publish(station, fields, field -> report);
    }

    @Override
    public void stateMessage(Station station, Map<String, Object> fields) {
        // Published at once under the report that carries the same field, so the poll and the message share a datapoint.
        publish(station, fields, SensorFields::reportOf);
    }

    @Override
    public void phaseSwitchingFound(Station station) {
        register(List.of(Actuator.X2SRC.metadata(name, station.name()), Actuator.X2.metadata(name, station.name())));
        LOG.info("KEBA station '{}' of {} has a phase switch: actuators x2src and x2 added", station.name(), name);
    }

    @Override
    public void statusChanged(Station station) {
        ConnectorStatus now = station.status();
        if (logged.put(station.name(), now) != now) {
            String which = "KEBA station '" + station.name() + "' (" + station.host() + ") of " + name;
            switch (now) {
                case ONLINE -> LOG.info("{} is ONLINE", which);
                case STARTING -> LOG.debug("{} is STARTING", which);
                case FAILED -> LOG.error("{} is FAILED: {}. Fix etc/{}-{}.cfg", which, station.reason(), KebaConnectorConfig.PID, name);
                default -> LOG.warn("{} is {}: {}", which, now, station.reason());
            }
        }
        summarise();
    }

    private void publish(Station station, Map<String, Object> fields, ToIntFunction<String> reportOf) {
        long at = wallClock.getAsLong();
        List<Sample> samples = new ArrayList<>(fields.size());
        List<DatapointMetadata> firstSeen = new ArrayList<>();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            String key = KebaKeys.sensor(station.name(), reportOf.applyAsInt(f.getKey()), f.getKey());
            if (registered.add(key)) {
                firstSeen.add(SensorFields.metadata(name, key, f.getKey(), f.getValue()));
            }
            samples.add(new Sample(DatapointId.of(name, key), new Value(f.getValue(), at)));
        }
        if (!firstSeen.isEmpty()) {
            register(firstSeen);
        }
        int refused = registry.publishAll(samples);
        for (int i = 0; i < refused; i++) {
            health.increment("refusedValues");
        }
    }

    /** The connector's health from its stations': the station's own with one, DEGRADED naming the others with several. */
    private void summarise() {
        if (stations.size() == 1) {
            Station only = stations.values().iterator().next();
            health.set(only.status(), only.reason());
            return;
        }
        Set<ConnectorStatus> seen = new HashSet<>();
        List<String> reasons = new ArrayList<>();
        for (Station s : stations.values()) {
            seen.add(s.status());
            if (s.status() != ConnectorStatus.ONLINE) {
                reasons.add(s.name() + " " + s.status() + (s.reason().isEmpty() ? "" : ": " + s.reason()));
            }
        }
        ConnectorStatus overall;
        if (seen.size() == 1) {
            overall = seen.iterator().next();
        } else if (Set.of(ConnectorStatus.ONLINE, ConnectorStatus.STARTING).containsAll(seen)) {
            overall = ConnectorStatus.STARTING;
        } else {
            overall = ConnectorStatus.DEGRADED;
        }
        health.set(overall, String.join("; ", reasons));
    }

    private void register(List<DatapointMetadata> datapoints) {
        List<DatapointId> activate = datapoints.stream().map(DatapointMetadata::id)
                .filter(id -> activeOnFirstSight.contains(id.key()) && registry.get(id).isEmpty()).toList();
        registry.register(name, datapoints);
        if (!activate.isEmpty()) {
            registry.setActive(activate, true);
        }
    }

    // ---- configuration -------------------------------------------------------------------------

    private List<ChargeStations.Station> check(KebaConnectorConfig cfg) throws ConfigProblem {
        try {
            DatapointId.checkConnectorName(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem("name: " + e.getMessage());
        }
        String host = trim(cfg.host());
        String json = trim(cfg.chargeStations());
        if (host.isEmpty() == json.isEmpty()) {
            throw new ConfigProblem(host.isEmpty() ? "host: not set; give the station's address, or chargeStations: BEMCom's "
                    + "KEBA_P30_CHARGE_STATIONS JSON" : "host and chargeStations: set one of them, not both");
        }
        if (!(cfg.pollSeconds() >= CommandGate.COM_PAUSE_MILLIS / 1000.0)) {
            throw new ConfigProblem("pollSeconds: at least " + CommandGate.COM_PAUSE_MILLIS / 1000
                    + ", KEBA's minimum between repeats of a command, not " + cfg.pollSeconds());
        }
        if (!(cfg.timeoutSeconds() > 0 && cfg.timeoutSeconds() <= 60)) {
            throw new ConfigProblem("timeoutSeconds: must be more than 0 and at most 60, not " + cfg.timeoutSeconds());
        }
        if (cfg.maxTimeouts() < 1) {
            throw new ConfigProblem("maxTimeouts: must be at least 1, not " + cfg.maxTimeouts());
        }
        if (!host.isEmpty()) {
            try {
                ChargeStations.checkName(name);
            } catch (IllegalArgumentException e) {
                throw new ConfigProblem("name: " + e.getMessage() + " (it names the station of host " + host + ")");
            }
            return List.of(new ChargeStations.Station(name, host));
        }
        try {
            return ChargeStations.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem("chargeStations: " + e.getMessage());
        }
    }

    /** A .cfg file gives a list as one comma-separated string; Config Admin tools give an array. */
    private void checkActive(String[] values) throws ConfigProblem {
        for (String v : values == null ? new String[0] : values) {
            for (String k : v.split(",")) {
                String key = k.strip();
                if (key.isEmpty()) {
                    continue;
                }
                int split = key.indexOf(KebaKeys.SEPARATOR);
                if (split < 0 || !stations.containsKey(key.substring(0, split))) {
                    throw new ConfigProblem("activeDatapoints: '" + key + "' does not start with the name of a station of this "
                            + "connector and '" + KebaKeys.SEPARATOR + "' (stations: " + stations.keySet() + ")");
                }
                activeOnFirstSight.add(key);
            }
        }
    }

    private static CompletionStage<WriteOutcome> done(WriteOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
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
