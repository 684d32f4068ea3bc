package org.bemgate.benchmarks;

import java.io.PrintStream;

import org.bemgate.mqtt.internal.bridge.BridgeThroughput;
import org.bemgate.ocpp.internal.OcppThroughput;

/**
 * The network paths, measured with the bundles' own load drivers: the MQTT bridge against a real
 * Mosquitto next to a bare Paho loop, and 1,000 simulated OCPP charge points on one central system.
 */
final class NetworkBenchmarks {

    private NetworkBenchmarks() {
    }

    /** Value messages from the bridge to Mosquitto on loopback, and a bare Paho loop in the same run. */
    static void mqtt(PrintStream out, Summary summary) throws Exception {
        out.printf("%n== MQTT bridge to Mosquitto on loopback: 3 rounds of 200,000 value messages (qos 0, retained, 100 topics)%n");
        BridgeThroughput.Figures f = BridgeThroughput.measure(200_000, 3);
        out.println(f);
        summary.add("MQTT bridge value messages to Mosquitto (median)", f.bridgePerSecond(), "msg/s", Summary.Goal.AT_LEAST, 20_000,
                f.ratio());
        summary.add("MQTT bare Paho loop, same messages (median)", f.barePerSecond(), "msg/s");
        summary.add("MQTT bridge / bare Paho", f.ratio(), "ratio", Summary.Goal.AT_LEAST, 0.5, f.ratio());
    }

    /** 1,000 charge points on one central system: sustained MeterValues, answer latency, heap. */
    static void ocpp(PrintStream out, Summary summary) throws Exception {
        out.printf("%n== OCPP: 1,000 simulated charge points on one central system over loopback (same JVM), 20 s per phase%n");
        OcppThroughput.Figures f = OcppThroughput.measure(1_000, 20, 400, out);
        summary.add("OCPP charge points connected and booted", f.chargePoints(), "", Summary.Goal.AT_LEAST, 1_000);
        summary.add("OCPP MeterValues every 10 s, answered", f.every10s().perSecond(), "msg/s");
        summary.add("OCPP MeterValues every 0.4 s (2,500/s offered), answered", f.fast().perSecond(), "msg/s", Summary.Goal.AT_LEAST,
                2_000);
        summary.add("OCPP answer latency p99 at that rate", f.fast().p99Millis(), "ms", Summary.Goal.AT_MOST, 50);
        summary.add("OCPP burst, 50 per charge point back to back", f.burst().perSecond(), "msg/s");
        summary.add("OCPP heap after GC, 1,000 charge points with their simulators", f.heapMb(), "MB", Summary.Goal.AT_MOST, 200);
    }
}
