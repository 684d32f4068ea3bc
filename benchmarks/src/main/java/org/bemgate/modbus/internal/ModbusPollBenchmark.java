package org.bemgate.modbus.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.bemgate.core.api.connector.HealthTracker;
import org.bemgate.modbus.internal.codec.ModbusConfig;
import org.bemgate.modbus.internal.codec.ReadRange;
import org.bemgate.modbus.internal.codec.ReadRequest;
import org.bemgate.simulators.modbus.ModbusSimulator;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;

/**
 * One poll of 1,000 holding registers as 500 big-endian floats from the simulator over loopback:
 * the connector's poll cycle (requests, decoding, scaling, keys) against a bare j2mod loop sending
 * the same requests and nothing else. Lives in the connector's package to drive its poll cycle
 * without the scheduler.
 */
public final class ModbusPollBenchmark {

    /** How many polls to time. */
    public record Settings(int warmup, int polls) {
        public static Settings full() {
            return new Settings(300, 1_000);
        }
    }

    /** Microseconds per poll: median and p95 of both. */
    public record Result(double connectorMedian, double connectorP95, double bareMedian, double bareP95, int values) {
    }

    private static final String CONFIG = "{\"read_holding_registers\": [{\"address\": 0, \"count\": 1000, \"unit\": 1,"
            + " \"datatypes\": \">500f\"}]}";

    private ModbusPollBenchmark() {
    }

    public static Result run(Settings s, PrintStream out) throws Exception {
        out.printf("%n== Modbus poll: 1,000 holding registers as 500 floats from the simulator over loopback, %d polls after %d warm-up%n",
                s.polls(), s.warmup());
        Result r = measure(s);
        out.printf("%-34s %10s %10s%n", "", "median us", "p95 us");
        out.printf("%-34s %10.0f %10.0f%n", "bare j2mod loop (same requests)", r.bareMedian(), r.bareP95());
        out.printf("%-34s %10.0f %10.0f%n", "connector poll cycle (" + r.values() + " values)", r.connectorMedian(), r.connectorP95());
        out.printf("connector / bare (median): %.2f%n", r.connectorMedian() / r.bareMedian());
        return r;
    }

    public static Result measure(Settings s) throws Exception {
        try (ModbusSimulator sim = new ModbusSimulator("127.0.0.1", 0).start()) {
            for (int i = 0; i < 500; i++) {
                int bits = Float.floatToIntBits(i * 1.5f);
                sim.bank().setHolding(2 * i, bits >>> 16, bits & 0xFFFF);
            }
            ModbusConfig config = ModbusConfig.parse(CONFIG);
            List<ReadRequest> requests = new ArrayList<>();
            for (ReadRange range : config.readRanges()) {
                requests.addAll(range.requests());
            }
            // Alternate the two so both see the same machine state; each keeps its own connection.
            J2modLink link = new J2modLink("127.0.0.1", sim.port(), 3000);
            DeviceSession session = new DeviceSession(link, new HealthTracker(), 1, 0, 0);
            ModbusTCPMaster bare = new ModbusTCPMaster("127.0.0.1", sim.port(), 3000, false, false);
            bare.connect();
            Rounds connector = new Rounds(s.polls());
            Rounds plain = new Rounds(s.polls());
            int values = 0;
            try {
                for (int i = 0; i < s.warmup() + s.polls(); i++) {
                    // Which goes first alternates, so neither always runs on the other's warmed caches.
                    boolean connectorFirst = i % 2 == 0;
                    long bareNanos = connectorFirst ? 0 : bare(bare, requests);
                    long t0 = System.nanoTime();
                    values = PollCycle.run(config, session).values().size();
                    long connectorNanos = System.nanoTime() - t0;
                    if (connectorFirst) {
                        bareNanos = bare(bare, requests);
                    }
                    if (i >= s.warmup()) {
                        connector.add(connectorNanos / 1e3);
                        plain.add(bareNanos / 1e3);
                    }
                }
            } finally {
                bare.disconnect();
                link.disconnect();
            }
            if (values != 500) {
                throw new IllegalStateException("the poll decoded " + values + " values, not 500");
            }
            return new Result(connector.median(), connector.p95(), plain.median(), plain.p95(), values);
        }
    }

    private static long bare(ModbusTCPMaster master, List<ReadRequest> requests) throws Exception {
        long t0 = System.nanoTime();
        for (ReadRequest r : requests) {
            master.readMultipleRegisters(r.unit(), r.address(), r.count());
        }
        return System.nanoTime() - t0;
    }

    /** Per-poll times in microseconds. */
    private static final class Rounds {
        private final double[] v;
        private int n;

        Rounds(int size) {
            v = new double[size];
        }

        void add(double x) {
            v[n++] = x;
        }

        double median() {
            return sorted()[n / 2];
        }

        double p95() {
            return sorted()[Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1)];
        }

        private double[] sorted() {
            double[] s = java.util.Arrays.copyOf(v, n);
            java.util.Arrays.sort(s);
            return s;
        }
    }
}
