package org.bemgate.ocpp.internal;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.simulators.ocpp.OcppLoad;

/**
 * Many simulated charge points on one central system over loopback: MeterValues every 10 s, then at a
 * faster interval, then bursts of back-to-back MeterValues. The charge points share the JVM with the gateway, so
 * heap and CPU figures hold both. Used by {@link OcppBenchmark} and by the benchmarks module.
 */
public final class OcppThroughput {

    /**
     * What a run measured.
     *
     * @param chargePoints how many connected and booted
     * @param connectSeconds how long connecting and booting all of them took
     * @param every10s MeterValues every 10 s
     * @param fast MeterValues at the faster interval
     * @param burst 50 MeterValues per charge point back to back
     * @param heapMb heap in use after a GC at the end, with the charge points still connected
     */
    public record Figures(int chargePoints, double connectSeconds, OcppLoad.Figures every10s, OcppLoad.Figures fast,
            OcppLoad.Figures burst, long heapMb) {
    }

    private OcppThroughput() {
    }

    /**
     * @param n charge points
     * @param seconds length of each sustained phase
     * @param fastMillis the faster phase's interval per charge point
     * @param out where to print the phases as they end
     */
    public static Figures measure(int n, long seconds, long fastMillis, PrintStream out) throws Exception {
        DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 100_000);
        OcppConnector c = new OcppConnector(registry, TestConfigs.config("heartbeatSeconds", 300), new ExecutorScheduler("bench-ocpp"),
                System::currentTimeMillis);
        registry.addConnector(c);
        Loopback.await(() -> c.health().status() == ConnectorStatus.ONLINE, "ONLINE");
        try (OcppLoad load = new OcppLoad(2)) {
            long t0 = System.nanoTime();
            int connected = load.connect(URI.create("ws://127.0.0.1:" + c.port() + "/ocpp"), "bench-", n);
            double connect = (System.nanoTime() - t0) / 1e9;
            out.printf("  connected and booted %d in %.1f s; heap used %d MB%n", connected, connect, heapMb());
            OcppLoad.Figures slow = print(out, "sustained, every 10 s ", load.sustained(10_000, seconds * 1000));
            OcppLoad.Figures fast = print(out, "sustained, every " + fastMillis + " ms", load.sustained(fastMillis, seconds * 1000));
            OcppLoad.Figures burst = print(out, "burst, 50 back to back", load.burst(50));
            out.printf("  registry: %d datapoints; connector counters %s%n", registry.find(DatapointFilter.ALL).size(),
                    c.health().counters());
            return new Figures(connected, connect, slow, fast, burst, heapMb());
        } finally {
            c.close();
            registry.close();
        }
    }

    private static OcppLoad.Figures print(PrintStream out, String phase, OcppLoad.Figures f) {
        out.printf("  %s: %s; heap used after GC %d MB%n", phase, f, heapMb());
        return f;
    }

    /** @return heap in use after a full collection, in MB */
    public static long heapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
