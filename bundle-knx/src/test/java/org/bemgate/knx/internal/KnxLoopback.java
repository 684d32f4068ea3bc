package org.bemgate.knx.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.simulators.knx.KnxIpSimulator;

/**
 * The connector on its real thread, the real registry in memory, and the simulated KNX IP interface on
 * 127.0.0.1 with a free port. Calimero's timers run in real time, so tests wait for conditions with
 * generous limits instead of moving a virtual clock.
 */
final class KnxLoopback implements AutoCloseable {

    static final String NAME = "house";
    /** Far above any wait a healthy run needs: only a broken run waits this long. */
    static final long WAIT_MILLIS = 30_000;

    final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 10_000);
    final KnxIpSimulator gateway;
    private final List<KnxConnector> connectors = new ArrayList<>();

    KnxLoopback() throws IOException {
        gateway = new KnxIpSimulator("127.0.0.1", 0).start();
    }

    /** Starts a connector named {@value #NAME} against the simulator with these datapoints and more properties. */
    KnxConnector connector(String datapoints, Object... more) {
        Object[] props = new Object[more.length + 8];
        props[0] = "name";
        props[1] = NAME;
        props[2] = "host";
        props[3] = "127.0.0.1";
        props[4] = "port";
        props[5] = gateway.port();
        props[6] = "datapoints";
        props[7] = datapoints;
        System.arraycopy(more, 0, props, 8, more.length);
        KnxConnector c = new KnxConnector(registry, TestConfigs.config(props), new ExecutorScheduler("test-knx"),
                System::currentTimeMillis);
        registry.addConnector(c);
        connectors.add(c);
        return c;
    }

    @Override
    public void close() {
        connectors.forEach(KnxConnector::close);
        registry.close();
        gateway.close();
    }

    /** Waits until the condition holds; fails after {@link #WAIT_MILLIS}. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT_MILLIS + " ms: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    Object latest(String key) {
        return registry.get(DatapointId.of(NAME, key)).map(d -> d.value() == null ? null : d.value().value()).orElse(null);
    }

    DatapointMetadata metadata(String key) {
        return registry.get(DatapointId.of(NAME, key)).orElseThrow(() -> new AssertionError("no datapoint " + key)).metadata();
    }

    /** Writes through the registry, as the console or a controller does, and waits for the outcome. */
    WriteOutcome write(String key, Object value) throws Exception {
        CompletableFuture<WriteOutcome> f = registry.write(DatapointId.of(NAME, key), new Value(value, System.currentTimeMillis()))
                .toCompletableFuture();
        return f.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }
}
