package org.bemgate.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.Value;
import org.bemgate.core.internal.db.Database;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;

/**
 * Publish-to-listener latency: one connector publishes single updates at a steady rate, as a device
 * connector does, and three listeners note how long after the publish call each update reached them.
 * The value carries the publish time, so nothing but the registry sits between the two clocks.
 */
final class RegistryLatency {

    /** How much to publish. */
    record Settings(int ratePerSecond, int warmupSeconds, int seconds) {
        static Settings full() {
            return new Settings(100_000, 3, 10);
        }
    }

    /** Latencies in microseconds over every delivery of the measured seconds. */
    record Result(double p50, double p99, double p999, double max, long deliveries) {
    }

    private RegistryLatency() {
    }

    static Result run(Settings s, PrintStream out, Summary summary) throws Exception {
        out.printf("%n== registry publish-to-listener latency: single updates at %,d/s to %d listeners, %d s after %d s warm-up%n",
                s.ratePerSecond(), RegistryFanOut.LISTENERS, s.seconds(), s.warmupSeconds());
        Result r = measure(s);
        out.printf("deliveries %,d  p50 %.1f us  p99 %.1f us  p99.9 %.1f us  max %.0f us%n", r.deliveries(), r.p50(), r.p99(),
                r.p999(), r.max());
        summary.add("registry publish→listener latency p50", r.p50(), "µs");
        summary.add("registry publish→listener latency p99", r.p99(), "µs");
        return r;
    }

    static Result measure(Settings s) throws Exception {
        Path dir = Fixtures.tempDir("latency");
        Database db = Fixtures.database(dir);
        DatapointRegistryImpl registry = DatapointRegistryImpl.open(db, System::currentTimeMillis, 30_000);
        try {
            List<DatapointMetadata> sensors = Fixtures.sensors("lat", 100);
            registry.register("lat", sensors);
            List<DatapointId> ids = sensors.stream().map(DatapointMetadata::id).toList();
            registry.setActive(ids, true);
            int capacity = (s.ratePerSecond() * s.seconds() + 1000) * RegistryFanOut.LISTENERS;
            Recording rec = new Recording(capacity);
            for (int i = 0; i < RegistryFanOut.LISTENERS; i++) {
                registry.addListener(rec, Map.of(DatapointListener.KINDS, "VALUE"));
            }
            publish(registry, ids, s.ratePerSecond(), s.warmupSeconds());
            rec.recording = true;
            publish(registry, ids, s.ratePerSecond(), s.seconds());
            Thread.sleep(500);
            rec.recording = false;
            long[] l = Arrays.copyOf(rec.latencies, Math.min(rec.next.get(), capacity));
            Arrays.sort(l);
            return new Result(at(l, 0.5), at(l, 0.99), at(l, 0.999), l.length == 0 ? 0 : l[l.length - 1] / 1000.0, l.length);
        } finally {
            registry.close();
            db.close();
            Fixtures.delete(dir);
        }
    }

    /** Publishes one update at a time on a fixed schedule, catching up without bursts when it falls behind. */
    private static void publish(DatapointRegistryImpl registry, List<DatapointId> ids, int rate, int seconds) {
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long n = 0; n < total; n++) {
            long due = start + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 50_000) {
                LockSupport.parkNanos(wait - 20_000);
            }
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            registry.publish(ids.get((int) (n % ids.size())), new Value(System.nanoTime(), System.currentTimeMillis()));
        }
    }

    private static double at(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1000.0;
    }

    /** Notes the delay of every delivery into a preallocated array, so recording adds no garbage. */
    private static final class Recording implements DatapointListener {
        final long[] latencies;
        final AtomicInteger next = new AtomicInteger();
        volatile boolean recording;

        Recording(int capacity) {
            latencies = new long[capacity];
        }

        @Override
        public void onEvent(DatapointEvent event) {
            onEvents(List.of(event));
        }

        @Override
        public void onEvents(List<DatapointEvent> events) {
            long now = System.nanoTime();
            if (!recording) {
                return;
            }
            for (DatapointEvent e : events) {
                int i = next.getAndIncrement();
                if (i < latencies.length) {
                    latencies[i] = now - (Long) e.value().value();
                }
            }
        }
    }
}
