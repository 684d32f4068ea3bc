package org.bemgate.webconsole.internal;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Value;
import org.junit.Assume;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console's performance figures, printed, never asserted: latest values of 1,000 datapoints over
 * REST, and 5,000 value changes a second through the live stream. Runs only when asked:
 * {@code mvn -pl bundle-webconsole test -Dtest=ConsoleBenchmark -Dbenchmark=true}.
 */
public class ConsoleBenchmark {

    @Test
    public void printFigures() throws Exception {
        Assume.assumeTrue("a benchmark: run with -Dbenchmark=true", Boolean.getBoolean("benchmark"));
        try (RoomGateway gateway = new RoomGateway()) {
            List<DatapointMetadata> meters = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                meters.add(DatapointMetadata.builder(DatapointId.of("plant", "meter_" + i), DatapointType.SENSOR)
                        .dataFormat(DataFormat.GENERIC_NUMERIC).unit("W").build());
            }
            gateway.registry.register("plant", meters);
            long now = System.currentTimeMillis();
            for (int i = 0; i < 1000; i++) {
                gateway.registry.publish(DatapointId.of("plant", "meter_" + i), new Value(i * 1.5, now));
            }
            ApiClient client = new ApiClient(gateway.server.base()).as("vera");
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + ", JVM " + System.getProperty("java.vm.name") + " "
                    + System.getProperty("java.version"));
            latestValues(client);
            liveStream(gateway, client);
        }
    }

    private static void latestValues(ApiClient client) throws Exception {
        double[] ms = new double[300];
        for (int i = -100; i < ms.length; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.get("api/v1/values/latest?pattern=plant/*");
            long t = System.nanoTime() - t0;
            if (r.statusCode() != 200 || !r.body().contains("meter_999")) {
                throw new IllegalStateException("latest values failed: " + r.statusCode());
            }
            if (i >= 0) {
                ms[i] = t / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf("REST latest values of 1,000 datapoints: median %.1f ms, p95 %.1f ms (target < 50 ms)%n",
                ms[ms.length / 2], ms[(int) (ms.length * 0.95)]);
    }

    private static void liveStream(RoomGateway gateway, ApiClient client) throws Exception {
        HttpResponse<InputStream> stream = client.http().send(HttpRequest.newBuilder(gateway.server.base()
                .resolve("api/v1/events?pattern=plant/*&types=value")).build(), HttpResponse.BodyHandlers.ofInputStream());
        AtomicLong received = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null;) {
                    if (l.startsWith("data: ")) {
                        JsonNode frame = ApiClient.JSON.readTree(l.substring(6));
                        received.addAndGet(frame.path("events").size());
                        dropped.set(frame.path("dropped").asLong());
                    }
                }
            } catch (Exception e) {
                // the stream ends when the gateway closes
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);
        int perSecond = 5000;
        int seconds = 10;
        long start = System.nanoTime();
        for (int s = 0; s < seconds; s++) {
            for (int i = 0; i < perSecond; i++) {
                gateway.registry.publish(DatapointId.of("plant", "meter_" + (i % 1000)), new Value(s * 10_000 + i, System.currentTimeMillis()));
                if (i % 50 == 49) {
                    long due = start + (long) ((s + (i + 1) / (double) perSecond) * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
        }
        long sent = (long) perSecond * seconds;
        long deadline = System.currentTimeMillis() + 5000;
        while (received.get() + dropped.get() < sent && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf("live stream: %,d value changes at %,d/s for %d s: %,d delivered, %,d dropped (target: none dropped)%n",
                sent, perSecond, seconds, received.get(), dropped.get());
    }
}
