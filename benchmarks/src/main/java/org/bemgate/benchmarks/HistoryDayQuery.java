package org.bemgate.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.EventKind;
import org.bemgate.core.api.MessageKind;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.history.Aggregation;
import org.bemgate.core.api.history.HistoryPoint;
import org.bemgate.core.api.history.HistoryQuery;
import org.bemgate.core.internal.db.Database;
import org.bemgate.core.internal.history.HistoryStore;

/**
 * One day at one-second resolution (86,400 points) read back from a real H2 file, raw and
 * aggregated to minutes, with other datapoints' history in the same table as on a gateway.
 */
final class HistoryDayQuery {

    static final int DAY_POINTS = 86_400;

    /** How much history surrounds the queried day, and how often to query. */
    record Settings(int otherDatapoints, int warmup, int queries) {
        static Settings full() {
            return new Settings(20, 20, 100);
        }
    }

    /** Latencies in milliseconds of the raw and the aggregated query. */
    record Result(Rounds raw, Rounds perMinute, int rawPoints, int minutePoints) {
    }

    private HistoryDayQuery() {
    }

    static void run(Settings s, PrintStream out, Summary summary) throws Exception {
        out.printf("%n== history query: one day at 1 s (%,d points) of 1 of %d datapoints, H2 file, %d queries after %d warm-up%n",
                DAY_POINTS, s.otherDatapoints() + 1, s.queries(), s.warmup());
        Result r = measure(s);
        out.printf("%-22s %8s %8s %8s %8s %8s%n", "query", "points", "min ms", "median", "p95", "max");
        out.printf("%-22s %,8d %8.1f %8.1f %8.1f %8.1f%n", "raw", r.rawPoints(), r.raw().min(), r.raw().median(),
                r.raw().quantile(0.95), r.raw().max());
        out.printf("%-22s %,8d %8.1f %8.1f %8.1f %8.1f%n", "avg per minute", r.minutePoints(), r.perMinute().min(),
                r.perMinute().median(), r.perMinute().quantile(0.95), r.perMinute().max());
        summary.add("history one-day query at 1 s, raw (median)", r.raw().median(), "ms", Summary.Goal.AT_MOST, 100);
        summary.add("history one-day query, avg per minute (median)", r.perMinute().median(), "ms", Summary.Goal.AT_MOST, 100);
    }

    static Result measure(Settings s) throws Exception {
        Path dir = Fixtures.tempDir("query");
        Database db = Fixtures.database(dir);
        HistoryStore store = new HistoryStore(db, Fixtures.defaults().historyQueryLimit());
        try {
            long dayStart = System.currentTimeMillis() / 86_400_000L * 86_400_000L - TimeUnit.DAYS.toMillis(1);
            fill(store, s.otherDatapoints() + 1, dayStart);
            DatapointId id = DatapointId.of("bench", "sensor_0");
            HistoryQuery raw = HistoryQuery.values(id, dayStart, dayStart + TimeUnit.DAYS.toMillis(1));
            HistoryQuery minutes = new HistoryQuery(id, MessageKind.VALUE, raw.from(), raw.to(), 60_000, Aggregation.AVG, 0);
            Rounds rawMs = new Rounds(s.queries());
            Rounds minuteMs = new Rounds(s.queries());
            int rawPoints = 0;
            int minutePoints = 0;
            for (int i = 0; i < s.warmup() + s.queries(); i++) {
                long t0 = System.nanoTime();
                List<HistoryPoint> a = store.query(1, raw);
                long t1 = System.nanoTime();
                List<HistoryPoint> b = store.query(1, minutes);
                long t2 = System.nanoTime();
                rawPoints = a.size();
                minutePoints = b.size();
                if (i >= s.warmup()) {
                    rawMs.add((t1 - t0) / 1e6);
                    minuteMs.add((t2 - t1) / 1e6);
                }
            }
            if (rawPoints != DAY_POINTS) {
                throw new IllegalStateException("the day query returned " + rawPoints + " points, not " + DAY_POINTS);
            }
            return new Result(rawMs, minuteMs, rawPoints, minutePoints);
        } finally {
            store.close();
            db.close();
            Fixtures.delete(dir);
        }
    }

    /** One value per second for the day, for datapoints 1..n, interleaved as polls write them. */
    private static void fill(HistoryStore store, int datapoints, long dayStart) throws Exception {
        List<DatapointEvent> batch = new ArrayList<>(4096);
        for (int second = 0; second < DAY_POINTS; second++) {
            for (int dp = 1; dp <= datapoints; dp++) {
                batch.add(new DatapointEvent(EventKind.VALUE, DatapointId.of("bench", "sensor_" + (dp - 1)), dp,
                        DatapointType.SENSOR, true, new Value(20 + Math.sin(second / 600.0), dayStart + second * 1000L)));
                if (batch.size() == 4096) {
                    store.write(batch);
                    batch.clear();
                }
            }
        }
        store.write(batch);
    }
}
