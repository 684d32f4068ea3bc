package org.bemgate.core.internal.registry;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.EventKind;
import org.bemgate.core.api.InvalidMessageException;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.UnknownDatapointException;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.metrics.Metric;
import org.bemgate.core.api.metrics.MetricsSource;
import org.bemgate.core.internal.db.CoreConfig;
import org.bemgate.core.internal.db.Database;
import org.bemgate.core.internal.json.MessageJson;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datapoint registry. Reads and publishes never lock: entries live in a concurrent map with
 * volatile fields, and each entry caches the listeners that want its events. Metadata and activation
 * are saved at once on the store thread; latest messages are saved periodically and on shutdown.
 * Listeners and connectors are found on the whiteboard.
 */
@Component(immediate = true, service = { DatapointRegistry.class, ListenerDrain.class, MetricsSource.class }, configurationPid = CoreConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class DatapointRegistryImpl implements DatapointRegistry, ListenerDrain, MetricsSource {

    private static final Logger LOG = LoggerFactory.getLogger(DatapointRegistryImpl.class);

    private final ConcurrentHashMap<DatapointId, DatapointEntry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, DatapointEntry> byNumber = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<ListenerHandle> listeners = new CopyOnWriteArrayList<>();
    private final ConnectorDirectory connectors = new ConnectorDirectory();
    private final AtomicLong lastNumber = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final LongAdder published = new LongAdder();
    private final LongSupplier clock;
    private final long writeTimeoutMillis;
    private final int listenerQueueSize;
    private final RegistryStore store;
    private final ScheduledExecutorService storeThread;
    private final ScheduledExecutorService timeouts;
    private ComponentContext context;

    /** Opens the registry on the gateway's database. */
    @Activate
    public DatapointRegistryImpl(@Reference Database database, CoreConfig config, ComponentContext context)
            throws SQLException {
        this(new RegistryStore(database), System::currentTimeMillis, config.writeTimeoutSeconds() * 1000L,
                config.latestValueSaveSeconds(), config.listenerQueueSize());
        this.context = context;
    }

    /**
     * A registry on a store (null for memory only, as benchmarks use it).
     *
     * @param store the tables, or null
     * @param clock epoch milliseconds
     * @param writeTimeoutMillis how long a connector may take to answer a write
     * @param saveSeconds how often latest messages are saved
     * @param listenerQueueSize events held per listener
     */
    DatapointRegistryImpl(RegistryStore store, LongSupplier clock, long writeTimeoutMillis, int saveSeconds,
            int listenerQueueSize) throws SQLException {
        this.store = store;
        this.clock = clock;
        this.writeTimeoutMillis = writeTimeoutMillis;
        this.listenerQueueSize = listenerQueueSize;
        this.timeouts = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bemgate-registry-timeouts"));
        this.storeThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bemgate-registry-store"));
        if (store != null) {
            load();
            storeThread.scheduleWithFixedDelay(this::saveLatest, saveSeconds, saveSeconds, TimeUnit.SECONDS);
        }
    }

    /** @return a registry held in memory only */
    public static DatapointRegistryImpl inMemory(LongSupplier clock, int listenerQueueSize) {
        try {
            return new DatapointRegistryImpl(null, clock, 30_000, 5, listenerQueueSize);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a registry on a database, as the component makes it, for tests and tools */
    public static DatapointRegistryImpl open(Database database, LongSupplier clock, long writeTimeoutMillis) throws SQLException {
        return new DatapointRegistryImpl(new RegistryStore(database), clock, writeTimeoutMillis, 5, 262_144);
    }

    private void load() throws SQLException {
        long max = store.loadNumberCounter();
        for (RegistryStore.Row row : store.loadAll()) {
            DatapointEntry e = new DatapointEntry(row.number(), row.metadata(), row.active());
            e.value = row.value();
            try {
                e.setpoint = row.setpointJson() == null ? null : MessageJson.readSetpoint(row.setpointJson());
                e.schedule = row.scheduleJson() == null ? null : MessageJson.readSchedule(row.scheduleJson());
            } catch (IllegalArgumentException ex) {
                LOG.warn("Ignoring the stored setpoint or schedule of {}: {}", row.metadata().id(), ex.getMessage());
            }
            entries.put(row.metadata().id(), e);
            byNumber.put(e.number, e);
            max = Math.max(max, e.number);
        }
        lastNumber.set(max);
        LOG.info("Registry loaded {} datapoints ({} active)", entries.size(),
                entries.values().stream().filter(x -> x.active).count());
    }

    /** Saves everything and stops the registry's threads. */
    @Deactivate
    public void close() {
        for (ListenerHandle h : listeners) {
            h.close();
        }
        listeners.clear();
        timeouts.shutdownNow();
        if (store != null) {
            storeThread.execute(this::saveLatest);
        }
        storeThread.shutdown();
        try {
            if (!storeThread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The registry store did not finish saving within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (store != null) {
            try {
                store.close();
            } catch (SQLException e) {
                LOG.warn("Closing the registry store failed: {}", e.getMessage());
            }
        }
    }

    // ---- whiteboard ----------------------------------------------------------------------------

    /** Adds a listener found on the whiteboard. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(DatapointListener listener, Map<String, Object> properties) {
        addListener(listener, ListenerFilter.fromProperties(properties));
    }

    /** Removes a listener that left the whiteboard. */
    public void removeListener(DatapointListener listener) {
        for (ListenerHandle h : listeners) {
            if (h.listener() == listener) {
                listeners.remove(h);
                invalidateSubscriptions();
                h.close();
            }
        }
    }

    void addListener(DatapointListener listener, ListenerFilter filter) {
        listeners.add(new ListenerHandle(listener, filter, listenerQueueSize));
        invalidateSubscriptions();
    }

    /** Adds a connector found on the whiteboard, to be fetched when first needed (see ConnectorDirectory). */
    @Reference(name = "connectors", service = Connector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeConnectorReference")
    void addConnectorReference(ServiceReference<Connector> reference) {
        connectors.add(reference, () -> (Connector) context.locateService("connectors", reference));
    }

    void removeConnectorReference(ServiceReference<Connector> reference) {
        connectors.remove(reference);
    }

    /** Adds a connector directly, as tests and benchmarks do; the last one added under a name wins. */
    public void addConnector(Connector connector) {
        connectors.add(connector, () -> connector);
    }

    /** Removes a connector added directly. */
    public void removeConnector(Connector connector) {
        connectors.remove(connector);
    }

    @Override
    public boolean drain(DatapointListener listener, long timeoutMillis) {
        for (ListenerHandle h : listeners) {
            if (h.listener() == listener) {
                return h.drain(timeoutMillis);
            }
        }
        return true;
    }

    /** @return per listener class: delivered, dropped, failures, queued; for metrics and diagnostics */
    public Map<String, long[]> listenerStats() {
        Map<String, long[]> stats = new LinkedHashMap<>();
        for (ListenerHandle h : listeners) {
            stats.put(h.listener().getClass().getName() + "@" + System.identityHashCode(h.listener()),
                    new long[] { h.delivered(), h.dropped(), h.failures(), h.queued() });
        }
        return stats;
    }

    @Override
    public List<Metric> metrics() {
        long delivered = 0;
        long dropped = 0;
        long queued = 0;
        for (ListenerHandle h : listeners) {
            delivered += h.delivered();
            dropped += h.dropped();
            queued += h.queued();
        }
        return List.of(
                Metric.counter("bemgate_registry_values_published_total", "values accepted from connectors", published.sum()),
                Metric.counter("bemgate_registry_values_refused_total", "values refused as invalid or unknown", refused.get()),
                Metric.counter("bemgate_registry_events_delivered_total", "events handed to listeners, all listeners together",
                        delivered),
                Metric.counter("bemgate_registry_events_dropped_total", "events a slow listener lost (oldest first)", dropped),
                Metric.gauge("bemgate_registry_events_queued", "events waiting for listeners", queued),
                Metric.gauge("bemgate_registry_listeners", "registered listeners", listeners.size()));
    }

    /** @return how many published samples were refused since start */
    public long refusedCount() {
        return refused.get();
    }

    // ---- for connectors ------------------------------------------------------------------------

    @Override
    public void register(String connector, Collection<DatapointMetadata> datapoints) {
        DatapointId.checkConnectorName(connector);
        for (DatapointMetadata m : datapoints) {
            if (!m.id().connector().equals(connector)) {
                throw new IllegalArgumentException("datapoint " + m.id() + " does not belong to connector '" + connector + "'");
            }
        }
        List<DatapointEntry> changed = new ArrayList<>();
        boolean added = false;
        for (DatapointMetadata m : datapoints) {
            DatapointEntry e = entries.get(m.id());
            if (e == null) {
                DatapointEntry fresh = new DatapointEntry(lastNumber.incrementAndGet(), m, false);
                e = entries.putIfAbsent(m.id(), fresh);
                if (e == null) {
                    byNumber.put(fresh.number, fresh);
                    changed.add(fresh);
                    added = true;
                    emit(fresh, EventKind.METADATA, m);
                    continue;
                }
            }
            synchronized (e) {
                DatapointMetadata merged = merge(e.metadata, m);
                if (!merged.equals(e.metadata)) {
                    e.metadata = merged;
                    changed.add(e);
                    emit(e, EventKind.METADATA, merged);
                }
            }
        }
        if (added) {
            invalidateSubscriptions();
        }
        saveMetadata(changed, added);
    }

    /** The connector's type and example value always win; other fields only where the connector sets them. */
    private static DatapointMetadata merge(DatapointMetadata stored, DatapointMetadata offered) {
        return DatapointMetadata.builder(stored.id(), offered.type())
                .dataFormat(offered.dataFormat() == DataFormat.UNKNOWN ? stored.dataFormat() : offered.dataFormat())
                .unit(offered.unit().isEmpty() ? stored.unit() : offered.unit())
                .description(offered.description().isEmpty() ? stored.description() : offered.description())
                .shortName(stored.shortName())
                .minValue(offered.minValue() == null ? stored.minValue() : offered.minValue())
                .maxValue(offered.maxValue() == null ? stored.maxValue() : offered.maxValue())
                .allowedValues(offered.allowedValues() == null ? stored.allowedValues() : offered.allowedValues())
                .exampleValue(offered.exampleValue() == null ? stored.exampleValue() : offered.exampleValue())
                .build();
    }

    @Override
    public void publish(DatapointId id, Value value) {
        DatapointEntry e = entries.get(id);
        if (e == null) {
            throw new UnknownDatapointException(id);
        }
        MessageValidator.checkValue(e.metadata, value, clock.getAsLong());
        e.value = value;
        e.dirty = true;
        emit(e, EventKind.VALUE, value);
        published.increment();
    }

    @Override
    public int publishAll(Collection<Sample> samples) {
        int bad = 0;
        for (Sample s : samples) {
            try {
                publish(s.id(), s.value());
            } catch (IllegalArgumentException ex) {
                bad++;
                if (refused.incrementAndGet() % 10_000 == 1) {
                    LOG.warn("Refused a sample: {} ({} refused since start; every 10,000th is logged)",
                            ex.getMessage(), refused.get());
                }
            }
        }
        return bad;
    }

    // ---- queries -------------------------------------------------------------------------------

    @Override
    public Optional<Datapoint> get(DatapointId id) {
        DatapointEntry e = entries.get(id);
        return e == null ? Optional.empty() : Optional.of(e.snapshot());
    }

    @Override
    public List<Datapoint> find(DatapointFilter filter) {
        Glob glob = filter.pattern() == null ? null : Glob.of(filter.pattern());
        List<Datapoint> out = new ArrayList<>();
        for (DatapointEntry e : entries.values()) {
            DatapointMetadata m = e.metadata;
            if ((filter.connector() == null || filter.connector().equals(m.id().connector()))
                    && (filter.type() == null || filter.type() == m.type())
                    && (filter.active() == null || filter.active() == e.active)
                    && (glob == null || glob.matches(m.id().toString()))) {
                out.add(e.snapshot());
            }
        }
        out.sort(Comparator.comparing(Datapoint::id));
        return out;
    }

    @Override
    public Map<DatapointId, Value> latestValues(Collection<DatapointId> ids) {
        Map<DatapointId, Value> out = new LinkedHashMap<>();
        for (DatapointId id : ids) {
            DatapointEntry e = entries.get(id);
            Value v = e == null ? null : e.value;
            if (v != null) {
                out.put(id, v);
            }
        }
        return out;
    }

    @Override
    public Optional<Datapoint> byNumber(long number) {
        DatapointEntry e = byNumber.get(number);
        return e == null ? Optional.empty() : Optional.of(e.snapshot());
    }

    // ---- changes -------------------------------------------------------------------------------

    @Override
    public int setActive(Collection<DatapointId> ids, boolean active) {
        List<DatapointEntry> targets = new ArrayList<>();
        for (DatapointId id : ids) {
            targets.add(require(id));
        }
        List<DatapointEntry> changed = new ArrayList<>();
        for (DatapointEntry e : targets) {
            synchronized (e) {
                if (e.active != active) {
                    e.active = active;
                    changed.add(e);
                }
            }
        }
        for (DatapointEntry e : changed) {
            emit(e, EventKind.ACTIVATION, null);
        }
        saveMetadata(changed, false);
        return changed.size();
    }

    @Override
    public void updateMetadata(DatapointMetadata metadata) {
        DatapointEntry e = require(metadata.id());
        synchronized (e) {
            if (e.metadata.type() != metadata.type()) {
                throw new InvalidMessageException("the type of " + metadata.id() + " is " + e.metadata.type().bemcomName()
                        + " and cannot be changed");
            }
            if (metadata.minValue() != null && metadata.maxValue() != null && metadata.minValue() > metadata.maxValue()) {
                throw new InvalidMessageException("min_value " + metadata.minValue() + " of " + metadata.id()
                        + " is above its max_value " + metadata.maxValue());
            }
            String shortName = metadata.shortName();
            if (shortName != null) {
                for (DatapointEntry other : entries.values()) {
                    if (other != e && shortName.equals(other.metadata.shortName())) {
                        throw new InvalidMessageException("short name '" + shortName + "' is already used by " + other.metadata.id());
                    }
                }
            }
            e.metadata = metadata;
        }
        emit(e, EventKind.METADATA, metadata);
        saveMetadata(List.of(e), false);
    }

    @Override
    public int remove(Collection<DatapointId> ids) {
        List<Long> numbers = new ArrayList<>();
        for (DatapointId id : ids) {
            DatapointEntry e = entries.remove(id);
            if (e != null) {
                byNumber.remove(e.number);
                numbers.add(e.number);
                emit(e, EventKind.REMOVED, null);
            }
        }
        if (store != null && !numbers.isEmpty()) {
            storeThread.execute(() -> {
                try {
                    store.delete(numbers);
                } catch (SQLException ex) {
                    LOG.error("Could not delete {} datapoints from the database: {}", numbers.size(), ex.getMessage());
                }
            });
        }
        return numbers.size();
    }

    @Override
    public CompletionStage<WriteOutcome> write(DatapointId id, Value value) {
        DatapointEntry e = require(id);
        requireActuator(e, "a value");
        MessageValidator.checkValue(e.metadata, value, clock.getAsLong());
        Connector connector = connectors.byName(id.connector()).orElse(null);
        if (connector == null) {
            return CompletableFuture.completedFuture(WriteOutcome.failed("connector '" + id.connector() + "' is not running"));
        }
        CompletableFuture<WriteOutcome> outcome = new CompletableFuture<>();
        try {
            connector.write(id.key(), value.value()).whenComplete((o, ex) -> {
                if (ex != null) {
                    outcome.complete(WriteOutcome.failed(String.valueOf(ex.getMessage())));
                } else {
                    outcome.complete(o == null ? WriteOutcome.failed("the connector gave no outcome") : o);
                }
            });
        } catch (RuntimeException ex) {
            outcome.complete(WriteOutcome.failed(connector.name() + " failed: " + ex.getMessage()));
        }
        if (!outcome.isDone()) {
            timeouts.schedule(() -> outcome.complete(WriteOutcome.failed("timeout: " + id.connector()
                    + " did not answer within " + writeTimeoutMillis + " ms")), writeTimeoutMillis, TimeUnit.MILLISECONDS);
        }
        return outcome.thenApply(o -> {
            if (o.isAccepted()) {
                e.value = value;
                e.dirty = true;
                emit(e, EventKind.VALUE, value);
            }
            return o;
        });
    }

    @Override
    public void setSetpoint(DatapointId id, Setpoint setpoint) {
        DatapointEntry e = require(id);
        requireActuator(e, "a setpoint");
        MessageValidator.checkSetpoint(e.metadata, setpoint, clock.getAsLong());
        e.setpoint = setpoint;
        e.dirty = true;
        emit(e, EventKind.SETPOINT, setpoint);
        saveLatestSoon();
    }

    @Override
    public void setSchedule(DatapointId id, Schedule schedule) {
        DatapointEntry e = require(id);
        requireActuator(e, "a schedule");
        MessageValidator.checkSchedule(e.metadata, schedule, clock.getAsLong());
        e.schedule = schedule;
        e.dirty = true;
        emit(e, EventKind.SCHEDULE, schedule);
        saveLatestSoon();
    }

    @Override
    public List<Connector> connectors() {
        return connectors.all();
    }

    @Override
    public Optional<Connector> connector(String name) {
        return connectors.byName(name);
    }

    // ---- internals -----------------------------------------------------------------------------

    private DatapointEntry require(DatapointId id) {
        DatapointEntry e = entries.get(Objects.requireNonNull(id, "id"));
        if (e == null) {
            throw new UnknownDatapointException(id);
        }
        return e;
    }

    private static void requireActuator(DatapointEntry e, String what) {
        if (e.metadata.type() != DatapointType.ACTUATOR) {
            throw new InvalidMessageException(e.metadata.id() + " is a sensor: only actuators take " + what);
        }
    }

    private void emit(DatapointEntry e, EventKind kind, Object payload) {
        ListenerHandle[] subs = e.subscribers;
        if (subs == null) {
            subs = subscribersOf(e);
        }
        if (subs.length == 0) {
            return;
        }
        boolean active = e.active;
        DatapointEvent event = new DatapointEvent(kind, e.metadata.id(), e.number, e.metadata.type(), active, payload);
        for (ListenerHandle h : subs) {
            if (h.filter().wants(kind, active)) {
                h.offer(event);
            }
        }
    }

    private ListenerHandle[] subscribersOf(DatapointEntry e) {
        List<ListenerHandle> matching = new ArrayList<>();
        for (ListenerHandle h : listeners) {
            if (h.filter().matchesId(e.metadata.id())) {
                matching.add(h);
            }
        }
        ListenerHandle[] subs = matching.toArray(new ListenerHandle[0]);
        e.subscribers = subs;
        return subs;
    }

    private void invalidateSubscriptions() {
        for (DatapointEntry e : entries.values()) {
            e.subscribers = null;
        }
    }

    private void saveMetadata(List<DatapointEntry> changed, boolean numbersGiven) {
        if (store == null || changed.isEmpty()) {
            return;
        }
        long counter = lastNumber.get();
        storeThread.execute(() -> {
            try {
                if (numbersGiven) {
                    store.saveNumberCounter(counter);
                }
                store.saveMetadata(changed);
                store.saveLatest(changed);
            } catch (SQLException ex) {
                LOG.error("Could not save {} datapoints to the database: {}", changed.size(), ex.getMessage());
            }
        });
    }

    private void saveLatestSoon() {
        if (store != null) {
            storeThread.execute(this::saveLatest);
        }
    }

    /** Writes the latest messages that changed since the last save. Runs on the store thread. */
    private void saveLatest() {
        List<DatapointEntry> dirty = new ArrayList<>();
        for (DatapointEntry e : entries.values()) {
            if (e.dirty) {
                e.dirty = false;
                dirty.add(e);
            }
        }
        if (dirty.isEmpty()) {
            return;
        }
        try {
            store.saveLatest(dirty);
        } catch (SQLException | RuntimeException ex) {
            for (DatapointEntry e : dirty) {
                e.dirty = true;
            }
            LOG.error("Could not save the latest values of {} datapoints: {}; retrying", dirty.size(), ex.getMessage());
        }
    }

    /** Waits until the store thread has done everything queued before the call (for tests). */
    void flushStore() throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        storeThread.execute(() -> {
            saveLatest();
            done.complete(null);
        });
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
            throw new IllegalStateException("the registry store did not flush", ex);
        }
    }

    /** @return names of threads the registry runs, for leak checks in tests */
    static Map<String, Integer> threadCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("bemgate-")) {
                counts.merge(t.getName(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
