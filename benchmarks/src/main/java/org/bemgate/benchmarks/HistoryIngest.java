package org.bemgate.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.EventKind;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.Value;
import org.bemgate.core.internal.db.Database;
import org.bemgate.core.internal.history.HistoryRecorder;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;

/**
 * History ingest into a real H2 file, two ways:
 * <ol>
 * <li>capacity: the history recorder fed batches as its delivery thread hands them over, as fast
 * as it takes them;</li>
 * <li>sustained: connectors publish through the registry at a fixed rate for a while, the recorder
 * listening as on the gateway; reported are the values written, the values dropped because the
 * recorder fell behind (must be 0), and how long it needed after the last publish to catch up.</li>
 * </ol>
 */
final class HistoryIngest {

    /** How much to write. */
    record Settings(int datapoints, int batch, long valuesPerRound, int warmupRounds, int rounds,
            int sustainedRate, int sustainedSeconds) {
        static Settings full() {
            return new Settings(1_000, 4_096, 2_000_000, 1, 3, 100_000, 20);
        }
    }

    /** The sustained run's outcome. */
    record Sustained(long published, long written, long dropped, double publishSeconds, double catchUpMillis) {
    }

    private HistoryIngest() {
    }

    static void run(Settings s, PrintStream out, Summary summary) throws Exception {
        out.printf("%n== history ingest, capacity: %,d datapoints, batches of %,d, %,d values per round, H2 file%n",
                s.datapoints(), s.batch(), s.valuesPerRound());
        Rounds r = capacity(s);
        out.printf("values/s  min %,.0f  median %,.0f  max %,.0f%n", r.min(), r.median(), r.max());
        summary.add("history ingest into H2 (median)", r.median(), "values/s", Summary.Goal.AT_LEAST, 100_000);

        out.printf("%n== history ingest, sustained: %,d values/s through the registry for %d s, %,d datapoints%n",
                s.sustainedRate(), s.sustainedSeconds(), s.datapoints());
        Sustained x = sustained(s);
        out.printf("published %,d in %.1f s (%,.0f/s); written %,d; dropped %,d; caught up %.0f ms after the last publish%n",
                x.published(), x.publishSeconds(), x.published() / x.publishSeconds(), x.written(), x.dropped(),
                x.catchUpMillis());
        summary.add("history sustained " + s.sustainedRate() + "/s via registry, values lost", x.published() - x.written(), "values",
                Summary.Goal.AT_MOST, 0);
    }

    /** The recorder's capacity in values per second, per measured round. */
    static Rounds capacity(Settings s) throws Exception {
        Path dir = Fixtures.tempDir("ingest");
        Database db = Fixtures.database(dir);
        HistoryRecorder recorder = new HistoryRecorder(db, Fixtures.defaults());
        try {
            Rounds rounds = new Rounds(s.rounds());
            long ts = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(300);
            for (int round = 0; round < s.warmupRounds() + s.rounds(); round++) {
                List<DatapointEvent> batch = new ArrayList<>(s.batch());
                long writtenBefore = recorder.written();
                long t0 = System.nanoTime();
                for (long n = 0; n < s.valuesPerRound(); n++) {
                    int dp = (int) (n % s.datapoints());
                    if (dp == 0) {
                        ts += 1000;
                    }
                    batch.add(new DatapointEvent(EventKind.VALUE, DatapointId.of("bench", "sensor_" + dp), dp + 1,
                            DatapointType.SENSOR, true, new Value(n * 0.25, ts)));
                    if (batch.size() == s.batch()) {
                        recorder.onEvents(batch);
                        batch = new ArrayList<>(s.batch());
                    }
                }
                recorder.onEvents(batch);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long written = recorder.written() - writtenBefore;
                if (written != s.valuesPerRound()) {
                    throw new IllegalStateException("wrote " + written + " of " + s.valuesPerRound() + " values");
                }
                if (round >= s.warmupRounds()) {
                    rounds.add(written / seconds);
                }
            }
            return rounds;
        } finally {
            recorder.close();
            db.close();
            Fixtures.delete(dir);
        }
    }

    /** Publishes at a fixed rate through the registry with the recorder listening. */
    static Sustained sustained(Settings s) throws Exception {
        Path dir = Fixtures.tempDir("sustained");
        Database db = Fixtures.database(dir);
        DatapointRegistryImpl registry = DatapointRegistryImpl.open(db, System::currentTimeMillis, 30_000);
        HistoryRecorder recorder = new HistoryRecorder(db, Fixtures.defaults());
        try {
            List<DatapointMetadata> sensors = Fixtures.sensors("bench", s.datapoints());
            registry.register("bench", sensors);
            List<DatapointId> ids = sensors.stream().map(DatapointMetadata::id).toList();
            registry.setActive(ids, true);
            registry.addListener(recorder, Map.of(DatapointListener.ACTIVE_ONLY, Boolean.TRUE, DatapointListener.KINDS, "VALUE"));

            // Every datapoint once per tick: 1,000 datapoints at 100,000/s is a poll cycle every 10 ms.
            long ticks = (long) s.sustainedRate() * s.sustainedSeconds() / s.datapoints();
            long tickNanos = TimeUnit.SECONDS.toNanos(1) * s.datapoints() / s.sustainedRate();
            long published = 0;
            long t0 = System.nanoTime();
            List<Sample> cycle = new ArrayList<>(s.datapoints());
            for (long tick = 0; tick < ticks; tick++) {
                long due = t0 + tick * tickNanos;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                // Distinct timestamps per tick, so no update overwrites another in the history.
                long ts = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1) + tick;
                cycle.clear();
                for (DatapointId id : ids) {
                    cycle.add(new Sample(id, new Value(tick * 0.1, ts)));
                }
                registry.publishAll(cycle);
                published += cycle.size();
            }
            long tEnd = System.nanoTime();
            registry.drain(recorder, 600_000);
            long tCaughtUp = System.nanoTime();
            long dropped = registry.listenerStats().values().stream().mapToLong(v -> v[1]).sum();
            return new Sustained(published, recorder.written(), dropped, (tEnd - t0) / 1e9, (tCaughtUp - tEnd) / 1e6);
        } finally {
            registry.close();
            recorder.close();
            db.close();
            Fixtures.delete(dir);
        }
    }
}
