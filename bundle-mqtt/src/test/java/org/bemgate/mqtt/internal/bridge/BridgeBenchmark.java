package org.bemgate.mqtt.internal.bridge;

import org.junit.Assume;
import org.junit.Test;

/**
 * The bridge's figure, printed, never asserted: value messages per second to Mosquitto on loopback
 * and the rate of a bare Paho loop in the same run. Runs only when asked:
 * {@code mvn -pl bundle-mqtt test -Dtest=BridgeBenchmark -Dbenchmark=true}.
 */
public class BridgeBenchmark {

    @Test
    public void printFigures() throws Exception {
        Assume.assumeTrue("a benchmark: run with -Dbenchmark=true", Boolean.getBoolean("benchmark"));
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.println(BridgeThroughput.measure(200_000, 3));
    }
}
