package org.bemgate.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The gateway's REST API as the generated admin, with HTTP Basic as scripts use it. */
final class GatewayApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    GatewayApi(int port, String password) {
        this.base = "http://127.0.0.1:" + port + "/bemgate";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    String authorization() {
        return authorization;
    }

    /** @return the HTTP status of the console's start page as the admin sees it, or -1 while nothing answers */
    int consoleStatus() {
        try {
            return http.send(request("/").timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** Uploads a bundle jar: installs it, or updates the installed bundle of the same symbolic name. */
    JsonNode upload(Path jar) throws IOException, InterruptedException {
        return send(request("/api/v1/bundles").header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofFile(jar)).build());
    }

    /** @return the ids of a connector's datapoints */
    List<String> datapointIds(String connector) throws IOException, InterruptedException {
        JsonNode page = get("/api/v1/datapoints?limit=1000&connector=" + URLEncoder.encode(connector, StandardCharsets.UTF_8));
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(d -> ids.add(d.path("id").asText()));
        return ids;
    }

    /** @return the timestamps of a datapoint's raw values between two instants, oldest first */
    long[] valueTimes(String id, long from, long to) throws IOException, InterruptedException {
        JsonNode h = get("/api/v1/datapoint/history?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&from=" + from
                + "&to=" + to + "&limit=1000000");
        JsonNode points = h.path("points");
        long[] times = new long[points.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = points.get(i).path("timestamp").asLong();
        }
        return times;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Authorization", authorization);
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }
}
