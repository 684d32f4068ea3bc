package org.bemgate.lemdcbm.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.simulators.lemdcbm.LemDcbmSimulator;
import org.bemgate.simulators.lemdcbm.Meter;
import org.bemgate.simulators.lemdcbm.MeterCertificate;
import org.bemgate.testsupport.VirtualTime;

/**
 * A simulated meter on 127.0.0.1 (a free port), the real registry in memory, and connectors on
 * virtual time. Requests are synchronous inside the connector's tasks, so virtual time moves only
 * between answers: a retry pause can never overtake an answer, however slow the machine. The
 * connectors' wall clock starts at {@link #WALL_EPOCH} with the bench.
 */
final class MeterBench implements AutoCloseable {

    /** The wall clock the connector sees: this epoch plus virtual time. */
    static final long WALL_EPOCH = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();

    final VirtualTime time = new VirtualTime();
    final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 10_000);
    final LemDcbmSimulator sim;
    private final long virtualStart = time.now();
    private final List<LemDcbmConnector> connectors = new ArrayList<>();

    /** A plain HTTP meter. */
    MeterBench() throws IOException {
        this(null);
    }

    /** @param tls the certificate the meter serves HTTPS with, or null for HTTP */
    MeterBench(MeterCertificate tls) throws IOException {
        LemDcbmSimulator s = new LemDcbmSimulator("127.0.0.1", 0, new Meter("12024072805", Clock.fixed(Instant.ofEpochMilli(WALL_EPOCH),
                ZoneOffset.UTC)));
        sim = (tls == null ? s : s.tls(tls)).start();
    }

    /** Starts a connector named {@code meter} for the simulator with short timeouts, plus the given properties. */
    LemDcbmConnector connector(Object... properties) {
        List<Object> p = new ArrayList<>(List.of("name", "meter", "host", "127.0.0.1", "port", sim.port(), "timeoutMillis", 2_000));
        p.addAll(Arrays.asList(properties));
        LemDcbmConnector c = new LemDcbmConnector(registry, TestConfigs.config(p.toArray()), time.newScheduler(),
                () -> WALL_EPOCH + time.now() - virtualStart);
        registry.addConnector(c);
        connectors.add(c);
        return c;
    }

    @Override
    public void close() {
        connectors.forEach(LemDcbmConnector::close);
        registry.close();
        sim.close();
    }

    /** Runs until the condition holds, moving virtual time on; fails after {@code maxMillis} of virtual time. */
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

    /** Lets {@code millis} of virtual time pass, doing everything due meanwhile. */
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
        return registry.get(DatapointId.of("meter", key)).map(d -> d.value() == null ? null : d.value().value()).orElse(null);
    }

    /** Writes through the registry, as the console or a controller does, and runs until the outcome is in. */
    WriteOutcome write(String key, Object value) {
        return outcome(registry.write(DatapointId.of("meter", key), new Value(value, System.currentTimeMillis())));
    }

    WriteOutcome outcome(CompletionStage<WriteOutcome> write) {
        CompletableFuture<WriteOutcome> f = write.toCompletableFuture();
        runUntil(f::isDone, 600_000, "the outcome of a write");
        return f.join();
    }

    /** @return the simulator's requests with that prefix, such as {@code GET /v1/status} */
    long requests(String prefix) {
        return sim.requests().stream().filter(r -> r.startsWith(prefix)).count();
    }
}
