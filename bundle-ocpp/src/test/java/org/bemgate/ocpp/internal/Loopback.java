package org.bemgate.ocpp.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLContext;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.simulators.ocpp.Charger;
import org.bemgate.simulators.ocpp.OcppChargePoint;

/**
 * The central system on 127.0.0.1 and a free port with the real registry in memory, and simulated
 * charge points connecting over loopback. Everything runs on real threads; waits are generous
 * deadlines on conditions, never fixed sleeps.
 */
final class Loopback implements AutoCloseable {

    static final long WAIT_MILLIS = 20_000;

    final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 100_000);
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(2);
    private final List<OcppConnector> connectors = new ArrayList<>();
    private final List<OcppChargePoint> chargePoints = new ArrayList<>();
    private HttpClient client = OcppChargePoint.client(null, clientThreads);
    private String scheme = "ws";

    /** Makes the charge points speak wss:// and trust this TLS context. */
    Loopback tls(SSLContext trust) {
        client = OcppChargePoint.client(trust, clientThreads);
        scheme = "wss";
        return this;
    }

    /** Starts a connector and hands it to the registry; does not wait for it. */
    OcppConnector start(Object... properties) {
        OcppConnector c = new OcppConnector(registry, TestConfigs.config(properties), new ExecutorScheduler("test-ocpp"),
                System::currentTimeMillis);
        registry.addConnector(c);
        connectors.add(c);
        return c;
    }

    /** Starts a connector and waits until it listens. */
    OcppConnector connector(Object... properties) {
        OcppConnector c = start(properties);
        await(() -> c.health().status() == ConnectorStatus.ONLINE, "connector ONLINE: " + c.health());
        return c;
    }

    /** A charge point of the last connector, not yet connected. */
    OcppChargePoint chargePoint(String id, Charger charger) {
        return chargePoint(connectors.get(connectors.size() - 1), id, charger);
    }

    OcppChargePoint chargePoint(OcppConnector c, String id, Charger charger) {
        OcppChargePoint cp = new OcppChargePoint(client, URI.create(scheme + "://127.0.0.1:" + c.port() + "/ocpp"), id, charger);
        chargePoints.add(cp);
        return cp;
    }

    /** A charge point connected and booted. */
    OcppChargePoint booted(String id, Charger charger) {
        OcppChargePoint cp = chargePoint(id, charger);
        get(cp.connect());
        get(cp.boot());
        return cp;
    }

    @Override
    public void close() {
        chargePoints.forEach(OcppChargePoint::abort);
        connectors.forEach(OcppConnector::close);
        registry.close();
        clientThreads.shutdownNow();
    }

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
                throw new AssertionError("interrupted");
            }
        }
    }

    static <T> T get(Future<T> f) {
        try {
            return f.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    Object latest(String key) {
        return latest("ocpp", key);
    }

    Object latest(String connector, String key) {
        return registry.get(DatapointId.of(connector, key)).map(d -> d.value() == null ? null : d.value().value()).orElse(null);
    }

    boolean has(String key) {
        return registry.get(DatapointId.of("ocpp", key)).isPresent();
    }

    DatapointMetadata metadata(String key) {
        return registry.get(DatapointId.of("ocpp", key)).orElseThrow(() -> new AssertionError("no datapoint " + key)).metadata();
    }

    /** Waits until a datapoint has this latest value. */
    void awaitValue(String key, Object expected) {
        await(() -> expected.equals(latest(key)), key + " = " + expected + " (is " + latest(key) + ")");
    }

    /** Writes through the registry, as the console or a controller does, and waits for the outcome. */
    WriteOutcome write(String key, Object value) {
        return get(writeAsync(key, value).toCompletableFuture());
    }

    CompletionStage<WriteOutcome> writeAsync(String key, Object value) {
        return registry.write(DatapointId.of("ocpp", key), new Value(value, System.currentTimeMillis()));
    }
}
