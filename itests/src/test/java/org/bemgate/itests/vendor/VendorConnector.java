package org.bemgate.itests.vendor;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

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

/**
 * The device side of the vendor plug-in the itests build: a counter sensor, a sensor carrying the
 * plug-in's bundle version (so a test sees which version publishes), and an actuator that takes any
 * number from 0 to 100. Uses nothing but core-api.
 */
public final class VendorConnector implements Connector {

    /** The connector name the tests look for. */
    public static final String NAME = "vendor-demo";

    private final DatapointRegistry registry;
    private final String version;
    private final HealthTracker health = new HealthTracker();
    private final AtomicLong counter = new AtomicLong();
    private volatile Object lastWritten;

    VendorConnector(DatapointRegistry registry, String version) {
        this.registry = registry;
        this.version = version;
    }

    void registerDatapoints() {
        registry.register(NAME, List.of(
                DatapointMetadata.builder(id("counter"), DatapointType.SENSOR)
                        .dataFormat(DataFormat.GENERIC_NUMERIC).unit("1").exampleValue(0).build(),
                DatapointMetadata.builder(id("version"), DatapointType.SENSOR)
                        .dataFormat(DataFormat.GENERIC_TEXT).exampleValue(version).build(),
                DatapointMetadata.builder(id("setpoint"), DatapointType.ACTUATOR)
                        .dataFormat(DataFormat.CONTINUOUS_NUMERIC).minValue(0.0).maxValue(100.0).exampleValue(50).build()));
    }

    void poll() {
        long now = System.currentTimeMillis();
        registry.publishAll(List.of(
                new Sample(id("counter"), new Value(counter.incrementAndGet(), now)),
                new Sample(id("version"), new Value(version, now))));
        health.goodExchange();
        health.increment("polls");
        health.set(ConnectorStatus.ONLINE, "");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String protocol() {
        return "vendor";
    }

    @Override
    public ConnectorHealth health() {
        return health.snapshot();
    }

    @Override
    public CompletionStage<WriteOutcome> write(String key, Object value) {
        if (!"setpoint".equals(key)) {
            return CompletableFuture.completedFuture(WriteOutcome.rejected("no actuator '" + key + "'"));
        }
        lastWritten = value;
        health.increment("writes");
        return CompletableFuture.completedFuture(WriteOutcome.accepted());
    }

    Object lastWritten() {
        return lastWritten;
    }

    private static DatapointId id(String key) {
        return DatapointId.of(NAME, key);
    }
}
