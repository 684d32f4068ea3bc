package com.example.bemgate.httpmeter.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.InvalidMessageException;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.UnknownDatapointException;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;

/**
 * A small in-memory {@link DatapointRegistry} for the plug-in's tests: a vendor has core-api, not
 * bemgate's implementation. It keeps metadata and latest values, refuses values of unknown datapoints
 * and routes writes to the connectors added with {@link #add}, as the real registry does. It does not
 * check data formats, persist anything or handle setpoints and schedules.
 */
public final class MemoryRegistry implements DatapointRegistry {

    private final Map<DatapointId, DatapointMetadata> metadata = new TreeMap<>();
    private final Map<DatapointId, Value> latest = new HashMap<>();
    private final Map<String, Connector> connectors = new TreeMap<>();

    /** Makes a connector reachable for writes and listings, as the registry tracks Connector services. */
    public synchronized void add(Connector c) {
        connectors.put(c.name(), c);
    }

    /** @return the latest value of a datapoint, or null */
    public synchronized Object latest(String connector, String key) {
        Value v = latest.get(DatapointId.of(connector, key));
        return v == null ? null : v.value();
    }

    @Override
    public synchronized void register(String connector, Collection<DatapointMetadata> datapoints) {
        for (DatapointMetadata m : datapoints) {
            if (!m.id().connector().equals(connector)) {
                throw new IllegalArgumentException(m.id() + " does not belong to " + connector);
            }
            metadata.put(m.id(), m);
        }
    }

    @Override
    public synchronized void publish(DatapointId id, Value value) {
        if (!metadata.containsKey(id)) {
            throw new UnknownDatapointException(id);
        }
        latest.put(id, value);
    }

    @Override
    public synchronized int publishAll(Collection<Sample> samples) {
        int refused = 0;
        for (Sample s : samples) {
            if (metadata.containsKey(s.id())) {
                latest.put(s.id(), s.value());
            } else {
                refused++;
            }
        }
        return refused;
    }

    @Override
    public synchronized Optional<Datapoint> get(DatapointId id) {
        DatapointMetadata m = metadata.get(id);
        return m == null ? Optional.empty() : Optional.of(new Datapoint(m, 0, false, latest.get(id), null, null));
    }

    @Override
    public synchronized List<Datapoint> find(DatapointFilter filter) {
        List<Datapoint> found = new ArrayList<>();
        for (DatapointMetadata m : metadata.values()) {
            if (filter.connector() == null || filter.connector().equals(m.id().connector())) {
                found.add(new Datapoint(m, 0, false, latest.get(m.id()), null, null));
            }
        }
        return found;
    }

    @Override
    public synchronized Map<DatapointId, Value> latestValues(Collection<DatapointId> ids) {
        Map<DatapointId, Value> m = new HashMap<>();
        ids.stream().filter(latest::containsKey).forEach(id -> m.put(id, latest.get(id)));
        return m;
    }

    @Override
    public Optional<Datapoint> byNumber(long number) {
        return Optional.empty();
    }

    @Override
    public int setActive(Collection<DatapointId> ids, boolean active) {
        return 0;
    }

    @Override
    public void updateMetadata(DatapointMetadata m) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized int remove(Collection<DatapointId> ids) {
        int n = 0;
        for (DatapointId id : ids) {
            n += metadata.remove(id) == null ? 0 : 1;
            latest.remove(id);
        }
        return n;
    }

    @Override
    public CompletionStage<WriteOutcome> write(DatapointId id, Value value) {
        Connector c;
        synchronized (this) {
            DatapointMetadata m = metadata.get(id);
            if (m == null) {
                throw new UnknownDatapointException(id);
            }
            if (m.type() != DatapointType.ACTUATOR) {
                throw new InvalidMessageException(id + " is a sensor");
            }
            c = connectors.get(id.connector());
        }
        if (c == null) {
            return CompletableFuture.completedFuture(WriteOutcome.failed("connector " + id.connector() + " is not running"));
        }
        return c.write(id.key(), value.value()).thenApply(o -> {
            if (o.isAccepted()) {
                synchronized (this) {
                    latest.put(id, value);
                }
            }
            return o;
        });
    }

    @Override
    public void setSetpoint(DatapointId id, Setpoint setpoint) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setSchedule(DatapointId id, Schedule schedule) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized List<Connector> connectors() {
        return List.copyOf(connectors.values());
    }

    @Override
    public synchronized Optional<Connector> connector(String name) {
        return Optional.ofNullable(connectors.get(name));
    }
}
