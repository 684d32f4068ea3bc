package org.bemgate.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.bemgate.simulators.lemdcbm.LemDcbmSimulator;
import org.bemgate.simulators.lemdcbm.Meter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution as an operator runs it: cold start of a fresh install to "every bundle active and
 * the console answering", resident memory after start, with every bemgate feature installed, and
 * after minutes of demo load; and a hot upgrade of the Modbus bundle under that load: the longest gap
 * in the demo room's values and the values another connector (a LEM DCBM meter) lost meanwhile.
 */
final class DistributionBench {

    static final String DEMO_SENSOR = "demo-room/read_input_registers__1__1";
    static final String METER = "bench-meter";

    /**
     * What to run.
     *
     * @param loadMinutes how long the demo load runs before the last memory reading
     * @param demoPollSeconds the demo room's poll interval: the resolution of the upgrade gap
     */
    record Settings(int loadMinutes, double demoPollSeconds) {
        static Settings full(int loadMinutes) {
            return new Settings(loadMinutes, 0.1);
        }
    }

    private DistributionBench() {
    }

    static void run(Settings s, PrintStream out, Summary summary) throws Exception {
        Path tar = distribution();
        out.printf("%n== distribution: %s, cold start, memory, %d min of demo load, hot upgrade of bundle-modbus%n",
                tar.getFileName(), s.loadMinutes());
        try (GatewayProcess gw = GatewayProcess.unpack(tar, Path.of("benchmarks", "target", "gateway").toAbsolutePath(),
                s.demoPollSeconds())) {
            long t0 = System.nanoTime();
            gw.start();
            GatewayApi api = awaitReady(gw, 180_000);
            double coldStart = (System.nanoTime() - t0) / 1e9;
            out.printf("cold start to every bundle active and the console answering: %.1f s%n", coldStart);
            summary.add("distribution cold start (fresh install)", coldStart, "s", Summary.Goal.AT_MOST, 10);
            Thread.sleep(5_000);
            double afterStart = gw.residentMiB();
            out.printf("resident memory 5 s after start (boot features): %.0f MiB%n", afterStart);
            summary.add("resident memory after start (boot features)", afterStart, "MiB", Summary.Goal.AT_MOST, 300);

            List<String> installed = installEveryFeature(api, out);
            awaitBundlesActive(api, 180_000);
            Thread.sleep(5_000);
            double everything = gw.residentMiB();
            out.printf("resident memory with every bemgate feature installed (%d features) and every bundle active: %.0f MiB%n",
                    installed.size(), everything);
            summary.add("resident memory, every bundle active", everything, "MiB", Summary.Goal.AT_MOST, 300);

            try (LemDcbmSimulator meter = new LemDcbmSimulator("127.0.0.1", 0, new Meter()).start();
                    Load load = new Load(gw.httpPort(), api)) {
                addMeter(api, meter.port());
                long loadEnd = System.currentTimeMillis() + s.loadMinutes() * 60_000L;
                long upgradeAt = Math.max(System.currentTimeMillis() + 30_000, loadEnd - 60_000);
                sleepUntil(upgradeAt);
                upgrade(api, out, summary);
                sleepUntil(loadEnd);
                double afterLoad = gw.residentMiB();
                out.printf("resident memory after %d min of demo load (%,d REST reads, %,d stream lines): %.0f MiB%n",
                        s.loadMinutes(), load.reads.get(), load.streamLines.get(), afterLoad);
                summary.add("resident memory after " + s.loadMinutes() + " min of demo load", afterLoad, "MiB", Summary.Goal.AT_MOST,
                        300);
            }
            long errors = gw.logErrors();
            out.printf("ERROR lines in karaf.log: %d%n", errors);
            summary.add("ERROR lines in karaf.log over the run", errors, "lines", Summary.Goal.AT_MOST, 0);
        }
    }

    /** Uploads the Modbus bundle again while everything runs, then reads both connectors' history around it. */
    private static void upgrade(GatewayApi api, PrintStream out, Summary summary) throws Exception {
        Path jar = jar(Path.of("bundle-modbus", "target"), "bundle-modbus-");
        long before = System.currentTimeMillis();
        api.upload(jar);
        long answered = System.currentTimeMillis();
        Thread.sleep(30_000);
        long from = before - 20_000;
        long to = answered + 25_000;
        long[] demo = api.valueTimes(DEMO_SENSOR, from, to);
        long gap = longestGap(demo, from, to);
        out.printf("hot upgrade of bundle-modbus: upload answered after %d ms; longest gap in %s: %d ms (poll every 100 ms)%n",
                answered - before, DEMO_SENSOR, gap);
        summary.add("hot upgrade: longest gap in the upgraded connector's values", gap, "ms", Summary.Goal.AT_MOST, 2_000);
        String meterPower = METER + "/power";
        long[] meter = api.valueTimes(meterPower, from, to);
        long lost = missing(meter, from, to, 1_000);
        out.printf("other connector during the upgrade: %d values of %s over %d s, %d missing from its 1 s cadence%n", meter.length,
                meterPower, (to - from) / 1000, lost);
        summary.add("hot upgrade: values lost by another connector", lost, "values", Summary.Goal.AT_MOST, 0);
    }

    /** @return how many values a steady cadence should have had in the window but did not, counting its edges */
    static long missing(long[] times, long from, long to, long cadence) {
        long missing = 0;
        long last = from;
        for (long t : times) {
            missing += Math.max(0, Math.round((t - last) / (double) cadence) - 1);
            last = t;
        }
        return missing + Math.max(0, Math.round((to - last) / (double) cadence) - 1);
    }

    /** Longest time without a value inside the window, counting its edges. */
    static long longestGap(long[] times, long from, long to) {
        long gap = 0;
        long last = from;
        for (long t : times) {
            gap = Math.max(gap, t - last);
            last = t;
        }
        return Math.max(gap, to - last);
    }

    private static GatewayApi awaitReady(GatewayProcess gw, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        GatewayApi api = null;
        while (System.currentTimeMillis() < deadline) {
            if (!gw.alive()) {
                throw new IOException("the gateway exited; see " + gw.home().resolve("karaf.out"));
            }
            if (api == null) {
                api = gw.adminPassword().map(p -> new GatewayApi(gw.httpPort(), p)).orElse(null);
            }
            if (api != null && api.consoleStatus() == 200 && inactiveBundles(api).isEmpty()) {
                return api;
            }
            Thread.sleep(50);
        }
        throw new IOException("the gateway was not ready within " + timeoutMillis + " ms");
    }

    private static void awaitBundlesActive(GatewayApi api, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<String> inactive = inactiveBundles(api);
        while (!inactive.isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("bundles not active: " + inactive);
            }
            Thread.sleep(200);
            inactive = inactiveBundles(api);
        }
    }

    /** @return bundles that are neither active nor fragments; unanswered requests count as not ready */
    private static List<String> inactiveBundles(GatewayApi api) {
        try {
            List<String> inactive = new ArrayList<>();
            for (JsonNode b : api.get("/api/v1/bundles")) {
                if (!b.path("fragment").asBoolean() && !"ACTIVE".equals(b.path("state").asText())) {
                    inactive.add(b.path("symbolicName").asText() + " " + b.path("state").asText());
                }
            }
            return inactive;
        } catch (IOException e) {
            return List.of("(no answer: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("(interrupted)");
        }
    }

    /** Installs every bemgate feature not yet installed, as an integrator enabling every protocol would. */
    private static List<String> installEveryFeature(GatewayApi api, PrintStream out) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode f : api.get("/api/v1/features")) {
            String name = f.path("name").asText();
            if (name.startsWith("bemgate-") && !f.path("installed").asBoolean()) {
                names.add(name);
            }
        }
        for (String name : names) {
            api.post("/api/v1/features", Map.of("name", name));
        }
        out.printf("installed: %s%n", String.join(", ", names));
        return names;
    }

    /** A LEM DCBM meter simulated in this JVM, read by the gateway every second; all its datapoints kept. */
    private static void addMeter(GatewayApi api, int port) throws Exception {
        api.post("/api/v1/configurations", Map.of("factoryPid", "org.bemgate.lemdcbm", "name", METER, "properties",
                Map.of("name", METER, "host", "127.0.0.1", "port", port)));
        long deadline = System.currentTimeMillis() + 60_000;
        List<String> ids = api.datapointIds(METER);
        while (!ids.contains(METER + "/power")) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("the meter's datapoints did not appear");
            }
            Thread.sleep(200);
            ids = api.datapointIds(METER);
        }
        api.post("/api/v1/datapoints/activation", Map.of("ids", ids, "active", true));
    }

    /** What an operator's open console does: the live stream, and the latest values read every second. */
    private static final class Load implements AutoCloseable {
        final AtomicLong reads = new AtomicLong();
        final AtomicLong streamLines = new AtomicLong();
        private final Thread poller;
        private final CompletableFuture<HttpResponse<Stream<String>>> stream;
        private volatile boolean running = true;

        Load(int port, GatewayApi api) {
            poller = new Thread(() -> {
                while (running) {
                    try {
                        api.get("/api/v1/values/latest?pattern=*");
                        reads.incrementAndGet();
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException e) {
                        // counted as a missing read; the figures show how many succeeded
                    }
                }
            }, "bench-console-poller");
            poller.setDaemon(true);
            poller.start();
            stream = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bemgate/api/v1/events"))
                            .header("Authorization", api.authorization()).build(),
                    HttpResponse.BodyHandlers.ofLines());
            stream.thenAccept(r -> r.body().forEach(l -> streamLines.incrementAndGet()));
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            poller.interrupt();
            poller.join(5_000);
            stream.cancel(true);
        }
    }

    private static Path distribution() throws IOException {
        return jar(Path.of("distribution", "target"), "distribution-");
    }

    /** @return the one artifact in a target folder whose name starts with the prefix */
    private static Path jar(Path dir, String prefix) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if ((n.endsWith(".jar") || n.endsWith(".tar.gz")) && !n.contains("sources")) {
                    return f.toAbsolutePath();
                }
            }
        }
        throw new IOException("no " + prefix + "* in " + dir.toAbsolutePath() + "; build first: mvn -q install -DskipTests");
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
