package org.bemgate.ocpp.internal;


import org.junit.Assume;
import org.junit.Test;

/**
 * 1,000 simulated charge points on one central system over loopback: MeterValues every 10 s, then every
 * 0.4 s (2,500 msg/s offered), then a burst of back-to-back MeterValues. Prints figures; never fails on
 * time. Run with {@code mvn -o test -Dtest=OcppBenchmark -Dbenchmark=true} in bundle-ocpp; the
 * charge points and the gateway share the JVM, so heap and CPU figures hold both.
 */
public class OcppBenchmark {

    @Test
    public void thousandChargePoints() throws Exception {
        Assume.assumeTrue("a benchmark: run with -Dbenchmark=true", Boolean.getBoolean("benchmark"));
        int n = Integer.getInteger("ocpp.chargePoints", 1000);
        System.out.printf("OCPP benchmark: %d charge points, %d cores, max heap %d MB, %s%n", n,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        OcppThroughput.measure(n, Long.getLong("ocpp.seconds", 30), Long.getLong("ocpp.fastMillis", 400), System.out);
    }
}
