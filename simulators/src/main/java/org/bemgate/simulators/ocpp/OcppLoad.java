package org.bemgate.simulators.ocpp;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load driver: many simulated charge points on one {@link HttpClient}, each booting and then sending
 * MeterValues at a fixed interval (sustained), or as fast as answers come (burst). Usable from a
 * benchmark ({@link #connect}, {@link #sustained}, {@link #burst}) or from the command line:
 * {@code java -cp simulators.jar org.bemgate.simulators.ocpp.OcppLoad ws://127.0.0.1:9000/ocpp 1000 10000 60000 20}.
 */
public final class OcppLoad implements AutoCloseable {

    /**
     * Figures of one phase.
     *
     * @param messages answered calls
     * @param errors calls that failed (CALLERROR, closed connection)
     * @param seconds how long the phase took
     * @param p50Millis median answer latency
     * @param p99Millis 99th percentile answer latency
     * @param maxMillis slowest answer
     */
    public record Figures(long messages, long errors, double seconds, double p50Millis, double p99Millis, double maxMillis) {

        /** @return answered calls per second */
        public double perSecond() {
            return seconds == 0 ? 0 : messages / seconds;
        }

        @Override
        public String toString() {
            return String.format("%d messages in %.1f s = %.0f msg/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms, %d errors", messages,
                    seconds, perSecond(), p50Millis, p99Millis, maxMillis, errors);
        }
    }

    private final ExecutorService executor;
    private final HttpClient client;
    private final List<OcppChargePoint> chargePoints = new ArrayList<>();

    /** @param threads the client's executor threads */
    public OcppLoad(int threads) {
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ocpp-load");
            t.setDaemon(true);
            return t;
        });
        client = OcppChargePoint.client(null, executor);
    }

    /**
     * Connects and boots {@code count} charge points {@code <prefix>1 …}, at most 50 handshakes at a time.
     *
     * @return how many are connected and booted
     */
    public int connect(URI server, String prefix, int count) throws InterruptedException {
        Semaphore inFlight = new Semaphore(50);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            OcppChargePoint cp = new OcppChargePoint(client, server, prefix + i, Charger.wallbox());
            inFlight.acquire();
            CompletableFuture<?> f = cp.connect().thenCompose(OcppChargePoint::boot).whenComplete((x, e) -> inFlight.release())
                    .thenRun(() -> {
                        synchronized (chargePoints) {
                            chargePoints.add(cp);
                        }
                    });
            all.add(f);
        }
        try {
            CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            // counted below
        }
        return chargePoints.size();
    }

    /** Every charge point sends MeterValues every {@code intervalMillis} for {@code durationMillis}, starting spread out. */
    public Figures sustained(long intervalMillis, long durationMillis) throws InterruptedException {
        Latencies lat = new Latencies();
        AtomicLong errors = new AtomicLong();
        var timer = Executors.newScheduledThreadPool(2);
        long start = System.nanoTime();
        List<OcppChargePoint> cps = snapshot();
        for (int i = 0; i < cps.size(); i++) {
            OcppChargePoint cp = cps.get(i);
            long offset = intervalMillis * i / Math.max(1, cps.size());
            timer.scheduleAtFixedRate(() -> timed(cp, lat, errors), offset, intervalMillis, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(durationMillis);
        timer.shutdownNow();
        Thread.sleep(Math.min(2_000, intervalMillis));
        return lat.figures(errors.get(), (System.nanoTime() - start) / 1e9);
    }

    /** Every charge point sends {@code perChargePoint} MeterValues back to back, each after the answer to the one before. */
    public Figures burst(int perChargePoint) throws Exception {
        Latencies lat = new Latencies();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (OcppChargePoint cp : snapshot()) {
            CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
            for (int k = 0; k < perChargePoint; k++) {
                chain = chain.thenCompose(x -> timed(cp, lat, errors));
            }
            all.add(chain);
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(300, TimeUnit.SECONDS);
        return lat.figures(errors.get(), (System.nanoTime() - start) / 1e9);
    }

    private static CompletableFuture<?> timed(OcppChargePoint cp, Latencies lat, AtomicLong errors) {
        long t0 = System.nanoTime();
        cp.charger().charge(1, 30);
        return cp.meterValues(1).handle((r, e) -> {
            if (e == null) {
                lat.add(System.nanoTime() - t0);
            } else {
                errors.incrementAndGet();
            }
            return null;
        });
    }

    private List<OcppChargePoint> snapshot() {
        synchronized (chargePoints) {
            return List.copyOf(chargePoints);
        }
    }

    /** Closes every charge point and the client's threads. */
    @Override
    public void close() {
        snapshot().forEach(OcppChargePoint::close);
        executor.shutdownNow();
    }

    /** Answer latencies in nanoseconds. */
    private static final class Latencies {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized Figures figures(long errors, double seconds) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return new Figures(size, errors, seconds, pick(sorted, 0.5), pick(sorted, 0.99), size == 0 ? 0 : sorted[size - 1] / 1e6);
        }

        private static double pick(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
        }
    }

    /** {@code <url> [charge points] [interval ms] [duration ms] [burst per charge point]} */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: OcppLoad ws://host:port/path [chargePoints=1000] [intervalMillis=10000] [durationMillis=60000] "
                    + "[burstPerChargePoint=20]");
            System.exit(2);
        }
        URI server = URI.create(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long interval = args.length > 2 ? Long.parseLong(args[2]) : 10_000;
        long duration = args.length > 3 ? Long.parseLong(args[3]) : 60_000;
        int burst = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        try (OcppLoad load = new OcppLoad(4)) {
            System.out.println("connected and booted: " + load.connect(server, "load-", n) + " of " + n);
            System.out.println("sustained, MeterValues every " + interval + " ms: " + load.sustained(interval, duration));
            System.out.println("burst, " + burst + " MeterValues per charge point: " + load.burst(burst));
        }
    }
}
