package org.bemgate.ieee20305.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.ieee20305.internal.codec.DeviceIds;
import org.bemgate.simulators.ieee20305.Ieee20305Simulator;
import org.bemgate.simulators.ieee20305.SepServerState;
import org.bemgate.testsupport.TestPki;
import org.bemgate.testsupport.VirtualTime;

/**
 * The simulated utility server on 127.0.0.1 (a free port; HTTPS with client certificates from the
 * test PKI, or plain HTTP), the real registry in memory, and connectors on virtual time. Requests
 * are synchronous inside the connector's tasks, so virtual time moves only between answers. The
 * server's clock and the connectors' wall clock both start at {@link #WALL_EPOCH}.
 */
final class ServerBench implements AutoCloseable {

    static final long WALL_EPOCH = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
    static final String TWO_SITES = "[{\"id\": \"site1\", \"nmi\": \"NMI1234567\", \"der\": {\"type\": 4, \"rtgMaxW\": 5000}, "
            + "\"status\": {\"genConnectStatus\": \"07\", \"operationalModeStatus\": 2}, \"availability\": {\"statWAvail\": 4000}, "
            + "\"deviceInformation\": {\"mfId\": 1234567, \"mfModel\": \"Acme 2000\", \"mfSerNum\": \"ACME1234\"}}, "
            + "{\"id\": \"site2\", \"deviceCategory\": \"A00000\", \"der\": {\"type\": 83, \"rtgMaxW\": 50000, \"rtgMaxWh\": 13500}}]";

    final VirtualTime time = new VirtualTime();
    final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 10_000);
    final TestPki pki;
    final SepServerState state;
    final String aggregatorLfdi;
    Ieee20305Simulator sim;
    private final long virtualStart = time.now();
    private final List<Ieee20305Connector> connectors = new ArrayList<>();

    /** @param tls HTTPS with client certificates, or plain HTTP */
    ServerBench(boolean tls) throws Exception {
        pki = TestPki.shared();
        aggregatorLfdi = DeviceIds.lfdi(pki.clientCertificate().getEncoded());
        state = new SepServerState(() -> wall() / 1000).aggregator(aggregatorLfdi);
        sim = new Ieee20305Simulator("127.0.0.1", 0, state);
        if (tls) {
            sim.tls(pki.serverContext(pki.serverP12(), pki.caPem()));
        }
        sim.start();
    }

    /** Replaces the simulator by one serving HTTPS with the other CA's server certificate (same state). */
    void serveWrongCertificate() throws Exception {
        sim.close();
        sim = new Ieee20305Simulator("127.0.0.1", 0, state).tls(pki.serverContext(pki.otherServerP12(), pki.caPem())).start();
    }

    long wall() {
        return WALL_EPOCH + time.now() - virtualStart;
    }

    /** The connector's configuration for the simulator over HTTPS with PEM files, two sites, plus the given properties. */
    Object[] tlsConfig(Object... properties) {
        List<Object> p = new ArrayList<>(List.of("name", "dso", "baseUrl", sim.baseUrl(), "clientCertificate",
                pki.clientCertPem().toString(), "clientKey", pki.clientKeyPem().toString(), "trustedCa", pki.caPem().toString(),
                "devices", TWO_SITES, "timeoutMillis", 5_000));
        p.addAll(Arrays.asList(properties));
        return p.toArray();
    }

    /** The configuration for the simulator over plain HTTP, the LFDI in x-forwarded-client-cert. */
    Object[] httpConfig(Object... properties) {
        List<Object> p = new ArrayList<>(List.of("name", "dso", "baseUrl", sim.baseUrl(), "lfdi", aggregatorLfdi, "devices", TWO_SITES,
                "timeoutMillis", 5_000));
        p.addAll(Arrays.asList(properties));
        return p.toArray();
    }

    Ieee20305Connector connector(Object... properties) {
        Ieee20305Connector c = new Ieee20305Connector(registry, TestConfigs.config(properties), time.newScheduler(), this::wall);
        registry.addConnector(c);
        connectors.add(c);
        return c;
    }

    void stop(Ieee20305Connector c) {
        c.close();
        registry.removeConnector(c);
        connectors.remove(c);
    }

    @Override
    public void close() {
        connectors.forEach(Ieee20305Connector::close);
        registry.close();
        sim.close();
    }

    void runUntil(BooleanSupplier condition, long maxMillis, String what) {
        long limit = time.now() + maxMillis;
        while (true) {
            time.runDue();
            if (condition.getAsBoolean()) {
                return;
            }
            if (!time.advanceToNext(limit)) {
                throw new AssertionError("not within " + maxMillis + " ms of virtual time: " + what);
            }
        }
    }

    void runFor(long millis) {
        long end = time.now() + millis;
        while (true) {
            time.runDue();
            if (!time.advanceToNext(end)) {
                time.jumpTo(end);
                time.runDue();
                return;
            }
        }
    }

    Object latest(String key) {
        return registry.get(DatapointId.of("dso", key)).map(d -> d.value() == null ? null : d.value().value()).orElse(null);
    }

    long requests(String prefix) {
        return sim.requests().stream().filter(r -> r.startsWith(prefix)).count();
    }
}
