package org.bemgate.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.Value;
import org.bemgate.core.internal.db.Database;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;

/**
 * Registry fan-out: connectors publish value updates of active datapoints while three listeners
 * receive every one of them. The figure is updates per second from the first publish until all
 * three listeners have received (or dropped) the last update, so it is end to end, not the
 * publishers' enqueue rate alone. Drops are reported: a figure with drops is not a pass.
 */
final class RegistryFanOut {

    static final int LISTENERS = 3;

    /** How much to publish. */
    record Settings(int datapoints, long updatesPerRound, int warmupRounds, int rounds, int[] publisherThreads, int batch) {
        static Settings full() {
            return new Settings(1_000, 10_000_000, 1, 3, new int[] { 1, 2 }, 1_000);
        }
    }

    /** One round's outcome. */
    record Result(long updates, long delivered, long dropped, double seconds) {
        double updatesPerSecond() {
            return updates / seconds;
        }
    }

    private RegistryFanOut() {
    }

    static void run(Settings s, PrintStream out, Summary summary) throws Exception {
        out.printf("%n== registry fan-out: %,d datapoints, %d listeners, value batches of %d, %,d updates per round%n",
                s.datapoints(), LISTENERS, s.batch(), s.updatesPerRound());
        out.printf("%-12s %14s %14s %14s %12s%n", "publishers", "min upd/s", "median upd/s", "max upd/s", "dropped");
        for (int threads : s.publisherThreads()) {
            List<Result> results = measure(s, threads);
            Rounds r = new Rounds(results.size());
            long dropped = 0;
            for (Result x : results) {
                r.add(x.updatesPerSecond());
                dropped += x.dropped();
            }
            out.printf("%-12d %,14.0f %,14.0f %,14.0f %,12d%n", threads, r.min(), r.median(), r.max(), dropped);
            summary.add("registry fan-out to 3 listeners, " + threads + " publisher" + (threads > 1 ? "s" : "") + " (median)",
                    r.median(), "updates/s", Summary.Goal.AT_LEAST, 1_000_000);
            summary.add("registry fan-out, updates dropped, " + threads + " publisher" + (threads > 1 ? "s" : ""), dropped,
                    "updates", Summary.Goal.AT_MOST, 0);
        }
    }

    /** Runs the warm-up and the measured rounds with {@code threads} publishers; returns the measured ones. */
    static List<Result> measure(Settings s, int threads) throws Exception {
        Path dir = Fixtures.tempDir("fanout");
        Database db = Fixtures.database(dir);
        DatapointRegistryImpl registry = DatapointRegistryImpl.open(db, System::currentTimeMillis, 30_000);
        try {
            List<DatapointMetadata> sensors = Fixtures.sensors("bench", s.datapoints());
            registry.register("bench", sensors);
            List<DatapointId> ids = sensors.stream().map(DatapointMetadata::id).toList();
            registry.setActive(ids, true);
            List<Counting> listeners = new ArrayList<>();
            for (int i = 0; i < LISTENERS; i++) {
                Counting c = new Counting();
                listeners.add(c);
                registry.addListener(c, Map.of(DatapointListener.KINDS, "VALUE"));
            }
            List<Result> results = new ArrayList<>();
            for (int round = 0; round < s.warmupRounds() + s.rounds(); round++) {
                Result r = round(registry, ids, listeners, s, threads);
                if (round >= s.warmupRounds()) {
                    results.add(r);
                }
            }
            return results;
        } finally {
            registry.close();
            db.close();
            Fixtures.delete(dir);
        }
    }

    private static Result round(DatapointRegistryImpl registry, List<DatapointId> ids, List<Counting> listeners,
            Settings s, int threads) throws Exception {
        long perThread = s.updatesPerRound() / threads;
        long total = perThread * threads;
        long droppedBefore = dropped(registry);
        for (Counting c : listeners) {
            c.reset();
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> publishers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread p = new Thread(() -> publish(registry, ids, offset, threads, perThread, s.batch(), start), "bench-publisher-" + t);
            p.start();
            publishers.add(p);
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread p : publishers) {
            p.join();
        }
        // Every update is either delivered or dropped; wait for the listeners to account for all.
        while (true) {
            long droppedNow = dropped(registry) - droppedBefore;
            boolean done = true;
            for (Counting c : listeners) {
                done &= c.received() + droppedNow / LISTENERS >= total;
            }
            if (done) {
                break;
            }
            Thread.onSpinWait();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long delivered = listeners.stream().mapToLong(Counting::received).sum();
        return new Result(total, delivered, dropped(registry) - droppedBefore, seconds);
    }

    /** One publisher: its own share of the datapoints, in batches, as a polling connector publishes. */
    private static void publish(DatapointRegistryImpl registry, List<DatapointId> ids, int offset, int stride,
            long updates, int batch, CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<Sample> samples = new ArrayList<>(batch);
        int i = offset;
        for (long n = 0; n < updates; n++) {
            samples.add(new Sample(ids.get(i), new Value(n * 0.5, System.currentTimeMillis())));
            i += stride;
            if (i >= ids.size()) {
                i = offset;
            }
            if (samples.size() == batch) {
                registry.publishAll(samples);
                samples.clear();
            }
        }
        registry.publishAll(samples);
    }

    private static long dropped(DatapointRegistryImpl registry) {
        return registry.listenerStats().values().stream().mapToLong(v -> v[1]).sum();
    }

    /** A listener that counts, and touches each value so the work cannot be skipped. */
    static final class Counting implements DatapointListener {
        private final AtomicLong received = new AtomicLong();
        private volatile long base;
        private double sum;

        void reset() {
            base = received.get();
        }

        long received() {
            return received.get() - base;
        }

        @Override
        public void onEvent(DatapointEvent event) {
            onEvents(List.of(event));
        }

        @Override
        public void onEvents(List<DatapointEvent> events) {
            for (DatapointEvent e : events) {
                sum += ((Number) e.value().value()).doubleValue();
            }
            received.addAndGet(events.size());
        }
    }
}
