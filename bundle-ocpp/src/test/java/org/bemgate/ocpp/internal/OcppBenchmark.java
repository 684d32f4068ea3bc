package org.bemgate.ocpp.internal;

import java.lang.management.ManagementFactory;
import java.net.URI;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.simulators.ocpp.OcppLoad;
import org.junit.Assume;
import org.junit.Test;

/**
 * 1,000 simulated charge points on one central system over loopback: MeterValues every 10 s, then every
 * 0.5 s (2,000 msg/s offered), then a burst of back-to-back MeterValues. Prints figures; never fails on
 * time. Run with {@code mvn -o test -Dtest=OcppBenchmark -Dbenchmark=true} in bundle-ocpp; the
 * charge points and the gateway share the JVM, so heap and CPU figures hold both.
 */
public class OcppBenchmark {

    @Test
    public void thousandChargePoints() throws Exception {
        Assume.assumeTrue("a benchmark: run with -Dbenchmark=true", Boolean.getBoolean("benchmark"));
        int n = Integer.getInteger("ocpp.chargePoints", 1000);
        long seconds = Long.getLong("ocpp.seconds", 30);
        DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 100_000);
        OcppConnector c = new OcppConnector(registry, TestConfigs.config("heartbeatSeconds", 300), new ExecutorScheduler("bench-ocpp"),
                System::currentTimeMillis);
        registry.addConnector(c);
        Loopback.await(() -> c.health().status() == ConnectorStatus.ONLINE, "ONLINE");
        System.out.printf("OCPP benchmark: %d charge points, %d cores, max heap %d MB, %s%n", n,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        try (OcppLoad load = new OcppLoad(2)) {
            long t0 = System.nanoTime();
            int connected = load.connect(URI.create("ws://127.0.0.1:" + c.port() + "/ocpp"), "bench-", n);
            System.out.printf("  connected and booted %d in %.1f s; heap used %d MB%n", connected, (System.nanoTime() - t0) / 1e9, heapMb());
            print("sustained, every 10 s ", load.sustained(10_000, seconds * 1000));
            print("sustained, every 0.5 s", load.sustained(500, seconds * 1000));
            print("burst, 20 back to back", load.burst(20));
            print("burst, 50 back to back", load.burst(50));
            System.out.printf("  registry: %d datapoints; connector counters %s%n", registry.find(
                    org.bemgate.core.api.DatapointFilter.ALL).size(), c.health().counters());
        } finally {
            c.close();
            registry.close();
        }
    }

    private static void print(String phase, OcppLoad.Figures f) {
        System.out.printf("  %s: %s; heap used after GC %d MB%n", phase, f, heapMb());
    }

    private static long heapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
