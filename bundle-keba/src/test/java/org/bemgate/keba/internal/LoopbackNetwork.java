package org.bemgate.keba.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.keba.internal.udp.UdpPortOwner;
import org.bemgate.simulators.keba.KebaSimulator;
import org.bemgate.simulators.keba.Wallbox;
import org.bemgate.testsupport.VirtualTime;
import org.bemgate.testsupport.FreePorts;

/**
 * The gateway on 127.0.0.1 and simulated P30s on 127.0.0.2, 127.0.0.3, …, all on one free port as
 * on a real network; the real UDP port owner and registry, and connectors on virtual time.
 *
 * <p>Virtual time moves only when the network is quiet: every command sent has been dealt with by
 * its box and every datagram a box sent has been handed to its station. So a timeout can only fire
 * when no answer is on its way, however slow the machine.
 */
final class LoopbackNetwork implements AutoCloseable {

    static final String GATEWAY = "127.0.0.1";
    private static final long REAL_WAIT_SECONDS = 30;

    final VirtualTime time = new VirtualTime();
    final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 10_000);
    final int portNumber;
    final UdpPortOwner owner;
    final CountingPort port;
    private final List<KebaSimulator> boxes = new ArrayList<>();
    private final List<KebaConnector> connectors = new ArrayList<>();

    /** @param boxes how many loopback addresses besides the gateway's need the port free */
    LoopbackNetwork(int boxes) throws IOException {
        String[] hosts = new String[boxes + 1];
        for (int i = 0; i <= boxes; i++) {
            hosts[i] = "127.0.0." + (i + 1);
        }
        portNumber = FreePorts.on(hosts);
        owner = new UdpPortOwner(GATEWAY, portNumber);
        port = new CountingPort(owner, time);
    }

    /** Starts a P30 with phase switching on {@code address}, answering to the gateway's port. */
    KebaSimulator box(String address) throws IOException {
        return box(address, new Wallbox("22054282", true));
    }

    KebaSimulator box(String address, Wallbox wallbox) throws IOException {
        KebaSimulator sim = new KebaSimulator(address, portNumber, wallbox).replyPort(portNumber).start();
        boxes.add(sim);
        return sim;
    }

    /** Starts a connector on virtual time with the given properties and hands it to the registry. */
    KebaConnector connector(Object... properties) {
        KebaConnector c = new KebaConnector(registry, port, TestConfigs.config(properties), time.newScheduler(),
                System::currentTimeMillis);
        registry.addConnector(c);
        connectors.add(c);
        return c;
    }

    @Override
    public void close() {
        connectors.forEach(KebaConnector::close);
        registry.close();
        owner.close();
        boxes.forEach(KebaSimulator::close);
    }

    // ---- driving time --------------------------------------------------------------------------

    /** Runs every task that is due, until the network is quiet and nothing more is due. */
    void settle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REAL_WAIT_SECONDS);
        while (true) {
            boolean ran = time.runDue();
            if (!ran && quiet()) {
                if (!time.runDue()) {
                    return;
                }
                continue;
            }
            if (!ran) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("loopback traffic did not arrive within " + REAL_WAIT_SECONDS + " s: " + traffic());
                }
                // waiting for loopback datagrams, not for time: a tenth of a millisecond between looks
                LockSupport.parkNanos(100_000);
            }
        }
    }

    /** Runs until the condition holds, moving virtual time on; fails after {@code maxMillis} of virtual time. */
    void runUntil(BooleanSupplier condition, long maxMillis, String what) {
        long limit = time.now() + maxMillis;
        while (true) {
            settle();
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
            settle();
            if (!time.advanceToNext(end)) {
                time.jumpTo(end);
                settle();
                return;
            }
        }
    }

    private boolean quiet() {
        for (KebaSimulator b : boxes) {
            if (b.handled() != port.sentTo(b.address()) || port.receivedFrom(b.address()) != b.sent()) {
                return false;
            }
        }
        return true;
    }

    private String traffic() {
        StringBuilder s = new StringBuilder();
        for (KebaSimulator b : boxes) {
            s.append(b.address().getHostAddress()).append(": sent ").append(port.sentTo(b.address())).append(", handled ")
                    .append(b.handled()).append("; box sent ").append(b.sent()).append(", received ")
                    .append(port.receivedFrom(b.address())).append(". ");
        }
        return s.toString();
    }

    // ---- the registry --------------------------------------------------------------------------

    Object latest(String connector, String key) {
        return registry.get(DatapointId.of(connector, key)).map(d -> d.value() == null ? null : d.value().value()).orElse(null);
    }

    DatapointMetadata metadata(String connector, String key) {
        return registry.get(DatapointId.of(connector, key)).orElseThrow(() -> new AssertionError("no datapoint " + key)).metadata();
    }

    /** Writes through the registry, as the console or a controller does, and runs until the station answers. */
    WriteOutcome write(String connector, String key, Object value) {
        return outcome(registry.write(DatapointId.of(connector, key), new Value(value, System.currentTimeMillis())));
    }

    /** Runs until a write's outcome is in; never blocks the thread that drives the connectors. */
    WriteOutcome outcome(CompletionStage<WriteOutcome> write) {
        CompletableFuture<WriteOutcome> f = write.toCompletableFuture();
        runUntil(f::isDone, 60_000, "the outcome of a write");
        return f.join();
    }
}
